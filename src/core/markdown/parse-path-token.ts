import type { Citation } from "../checks/types.js";

/** A token recognised as a repository path, with its anchor split off. */
export interface ParsedPathToken {
  /** Normalised path: no leading `./` or `/`, no trailing `/`. */
  path: string;
  /** Written with a trailing slash. */
  isDirectory: boolean;
  anchor: Citation["anchor"];
}

/**
 * How sure the caller is that the token is meant as a path:
 * `code` for inline code and table cells written as code (a slash or a known extension is enough),
 * `text` for plain prose (needs a slash AND an extension or a trailing slash).
 */
export type PathTokenMode = "code" | "text";

const KNOWN_EXTENSIONS = new Set(
  (
    "ts tsx mts cts js jsx mjs cjs py pyi go rs java kt kts scala rb php cs fs c h cc cpp hpp m mm swift " +
    "md mdx rst txt json jsonc json5 yaml yml toml ini cfg conf xml html htm css scss sass less vue svelte astro " +
    "sql prisma graphql gql proto sh bash zsh ps1 bat lock tf tfvars hcl dockerfile gradle properties " +
    "csv tsv ipynb r lua dart ex exs erl hs ml clj elm zig nix mk cmake pem crt png jpg jpeg gif svg ico webp " +
    "wasm mjml hbs ejs njk liquid tmpl tpl j2 snap"
  ).split(/\s+/),
);

/** Bare file names (no extension) that are clearly files. */
const KNOWN_BARE_FILES = new Set([
  "Dockerfile",
  "Makefile",
  "Procfile",
  "Gemfile",
  "Rakefile",
  "Justfile",
  "Brewfile",
  "LICENSE",
  "CODEOWNERS",
  "Caddyfile",
  "Jenkinsfile",
  "Taskfile",
]);

/** Dotfiles that are clearly files: `.env`, `.env.example`, `.gitignore`, `.nvmrc`, … */
const KNOWN_DOTFILE =
  /^\.(?:env(?:\.[\w-]+)?|gitignore|gitattributes|gitmodules|npmrc|nvmrc|node-version|dockerignore|editorconfig|tool-versions|prettierrc|eslintrc|babelrc)$/;

const FORBIDDEN_CHARS = /[\s*?{}<>$|,;=()[\]"'`\\!^~%&+]/;
/** In code, Next.js-style segments (`[id]`, `(auth)`, `[...slug]`) are allowed. */
const FORBIDDEN_CHARS_CODE = /[\s*?{}<>$|,;="'`\\!^~%&+]/;
const BRACKET_SEGMENT = /^(?:[\w.@-]*(?:\[(?:\.\.\.)?[\w-]+\]|\([\w-]+\))[\w.@-]*)+$/;

/** The extension of the last path segment (lower-case), if any. */
function pathExtension(path: string): string | undefined {
  const last = path.slice(path.lastIndexOf("/") + 1);
  const dot = last.lastIndexOf(".");
  if (dot <= 0 || dot === last.length - 1) return undefined;
  return last.slice(dot + 1).toLowerCase();
}

/** True when the last segment of `path` carries a known file extension (or is a known bare file name). */
export function hasKnownExtension(path: string): boolean {
  const last = path.slice(path.lastIndexOf("/") + 1);
  if (KNOWN_BARE_FILES.has(last) || KNOWN_DOTFILE.test(last)) return true;
  const ext = pathExtension(path);
  return ext !== undefined && KNOWN_EXTENSIONS.has(ext);
}

function splitAnchor(raw: string): { base: string; anchor: Citation["anchor"] } {
  // GitHub-style line fragments: path#L12 or path#L12-L40
  const hash = /^(.+?)#L(\d+)(?:-L?(\d+))?$/.exec(raw);
  if (hash?.[1] && hash[2]) {
    const start = Number(hash[2]);
    return { base: hash[1], anchor: { kind: "lines", start, end: hash[3] ? Number(hash[3]) : start } };
  }
  // path:12, path:12-40, and the GitHub-style path:L12 / path:L12-L40
  const lines = /^(.+?):L?(\d+)(?:-L?(\d+))?$/.exec(raw);
  if (lines?.[1] && lines[2]) {
    const start = Number(lines[2]);
    return { base: lines[1], anchor: { kind: "lines", start, end: lines[3] ? Number(lines[3]) : start } };
  }
  const ident = /^(.+?):([A-Za-z_$][\w$]*(?:[.#][A-Za-z_$][\w$]*)*)(?:\(\))?$/.exec(raw);
  if (ident?.[1] && ident[2] && hasKnownExtension(ident[1])) {
    return { base: ident[1], anchor: { kind: "identifier", name: ident[2] } };
  }
  return { base: raw, anchor: undefined };
}

/**
 * Recognises a repository path in a single token (inline code content, a table-cell word, a link target).
 * Rejects URLs, absolute paths (usually HTTP routes), globs, placeholders, shell commands (spaces) and
 * package names; strips `:identifier`, `:12`, `:12-40` and `#L12-L40` anchors.
 */
export function parsePathToken(raw: string, mode: PathTokenMode): ParsedPathToken | undefined {
  const token = raw.trim();
  if (token.length < 2 || token.length > 300) return undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(token) || /^(www\.|mailto:|data:)/i.test(token)) return undefined;
  if (token.startsWith("/") || token.startsWith("~") || token.startsWith("-") || token.startsWith("#"))
    return undefined;
  if (token.includes("…") || token.includes("//")) return undefined;

  const { base, anchor } = splitAnchor(token);
  if ((mode === "code" ? FORBIDDEN_CHARS_CODE : FORBIDDEN_CHARS).test(base)) return undefined;
  if (base.includes(":") || base.includes("#")) return undefined;
  const segments = base.split("/");
  if (segments.some((s) => /[[\]()]/.test(s) && !BRACKET_SEGMENT.test(s))) return undefined;
  if (segments.some((s) => s.includes("...") && !/^\[\.\.\.[\w-]+\]$/.test(s))) return undefined;
  let path = base.replace(/^(\.\/)+/, "");
  const isDirectory = path.endsWith("/");
  path = path.replace(/\/+$/, "");
  if (path === "" || path === "." || path.split("/").some((s) => s === "" || s === "..")) return undefined;
  // npm scoped packages (`@octokit/rest`) are not paths unless they name a file.
  if (path.startsWith("@") && !hasKnownExtension(path)) return undefined;
  if (!/[A-Za-z]/.test(path)) return undefined;

  const hasSlash = path.includes("/");
  const known = hasKnownExtension(path);
  if (mode === "code") {
    if (!hasSlash && !known && !isDirectory) return undefined;
    // `foo.bar/` is not a directory citation; a lone `name/` is one only when it looks like a folder name.
    if (!hasSlash && isDirectory && !/^[\w.-]+$/.test(path)) return undefined;
  } else {
    if (!hasSlash || !(known || isDirectory)) return undefined;
  }
  return { path, isDirectory, anchor };
}
