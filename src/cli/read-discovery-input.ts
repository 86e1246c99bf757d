import { readFile, stat } from "node:fs/promises";
import { basename, isAbsolute, relative, resolve, sep } from "node:path";
import { UsageError } from "../core/errors.js";
import { slugify } from "../core/run/slugify.js";
import { discoverySlug } from "../services/find-discovery-document.js";

/** Largest discovery document or issue file `generate` reads. */
export const MAX_DISCOVERY_BYTES = 1024 * 1024;

/** A discovery document (or issue body) read from disk for `generate --discovery / --issue-file`. */
export interface DiscoveryInput {
  /** The repository path of a discovery document, or `issue file <name>`. */
  source: string;
  title: string;
  text: string;
  /** `{slug}` of the output path: the discovery file's name, or the first heading. */
  slug: string;
}

const firstHeading = (text: string): string | undefined =>
  /^#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(text)?.[1]?.trim();

/**
 * Reads the file given to `--discovery` or `--issue-file` from disk (relative to `cwd`; it may
 * be uncommitted). The title is its first heading (else the file name); the slug comes from the
 * file name for a discovery document and from the title for an issue.
 *
 * @throws UsageError when the file is missing, a folder, empty, binary or over 1 MB
 */
export async function readDiscoveryInput(
  kind: "discovery" | "issue",
  file: string,
  cwd: string,
  root: string,
): Promise<DiscoveryInput> {
  const path = resolve(cwd, file);
  const flag = kind === "discovery" ? "--discovery" : "--issue-file";
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) {
    throw new UsageError(
      `${flag} ${file}: ${info ? "not a file" : "no such file"}.`,
      "Give the path of a markdown file.",
    );
  }
  if (info.size > MAX_DISCOVERY_BYTES) {
    throw new UsageError(
      `${flag} ${file}: ${info.size} bytes is more than ${MAX_DISCOVERY_BYTES}.`,
      "Shorten the document.",
    );
  }
  const text = (await readFile(path, "utf8")).replace(/^\uFEFF/, "");
  if (text.includes("\u0000") || text.trim() === "") {
    throw new UsageError(
      `${flag} ${file}: ${text.trim() === "" ? "the file is empty" : "not a text file"}.`,
      "Give a markdown file.",
    );
  }
  const inside = relative(root, path);
  const repoPath = inside.startsWith("..") || isAbsolute(inside) ? undefined : inside.split(sep).join("/");
  const name = basename(path).replace(/\.(md|markdown|txt)$/i, "");
  const title = firstHeading(text) ?? name;
  return kind === "discovery"
    ? { source: repoPath ?? basename(path), title, text, slug: discoverySlug(repoPath ?? basename(path)) }
    : { source: `issue file ${basename(path)}`, title, text, slug: slugify(title) };
}
