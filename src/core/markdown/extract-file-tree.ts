import { isExemptNote } from "./detect-exemption.js";

/** One entry of an annotated file tree, with its full path rebuilt from the indentation. */
export interface TreeEntry {
  /** Full path (root prefix + ancestors + name), no trailing slash. */
  path: string;
  /** Written with a trailing slash, or has entries under it. */
  isDirectory: boolean;
  /** Other entries are listed under this one. */
  hasChildren: boolean;
  /** 1-based line in the document. */
  line: number;
  /** The annotation after the name (`# …`, `— …`, `(…)`), without the marker. */
  note: string;
  /** The entry's note, or an ancestor's, says it is generated / not in git / an example. */
  exempt: boolean;
  /**
   * The path of the unindented root line the entry sits under (`apps/gateway/src`, or `proj` for a
   * tree drawn under the repository's name), when the tree has one; rules may drop a root that does
   * not exist when the entries under it resolve without it.
   */
  root: string | undefined;
}

const GLYPH_LINE = /^[\s│┃|`]*[├└┣┗╰+|`][─━-]{1,}/;
const PREFIX_CHARS = /^(?:[\s\u00a0│┃├└┣┗╰─━|`-]|\+(?=[-─]))*/;
const NAME_RE =
  /^(?:[\w.@+-]|\[(?:\.\.\.)?[\w-]+\]|\([\w-]+\))(?:[\w.@+/-]|\[(?:\.\.\.)?[\w-]+\]|\([\w-]+\))*$/;
const PROGRAMMING_LANGS = new Set([
  "ts",
  "typescript",
  "js",
  "javascript",
  "tsx",
  "jsx",
  "py",
  "python",
  "go",
  "rust",
  "sql",
  "json",
  "yaml",
  "yml",
  "sh",
  "bash",
  "shell",
  "console",
  "diff",
  "toml",
  "mermaid",
]);

/**
 * True when a code block is a file tree: it draws `├──` / `└──` branches, or (for untyped blocks)
 * every line is an indented path-like name and at least one is a directory (`name/`).
 */
export function isFileTreeBlock(value: string, lang: string | null | undefined): boolean {
  const lines = value.split("\n").filter((l) => l.trim() !== "");
  if (lines.length === 0) return false;
  if (lines.some((l) => GLYPH_LINE.test(l))) return true;
  if (lang && PROGRAMMING_LANGS.has(lang.toLowerCase())) return false;
  let sawDir = false;
  let sawIndent = false;
  for (const l of lines) {
    const name = l.trim().split(/\s+/)[0] ?? "";
    if (!NAME_RE.test(name) && !name.startsWith("#")) return false;
    if (name.endsWith("/")) sawDir = true;
    if (/^\s+/.test(l)) sawIndent = true;
  }
  return sawDir && sawIndent;
}

/** `Gateway (apps/gateway/src)`: a label with the root path in parentheses. */
const LABELLED_ROOT = /^[^()]*?\s\(\s*`?((?:\.\/)?[\w.@-]+(?:\/[\w.@-]+)+\/?)`?\s*\)\s*:?$/;

function splitNameAndNote(rest: string): { name: string; note: string } {
  const m = /^(\S+)\s*(.*)$/.exec(rest);
  // Names may be written as code or in bold: `src/`, **api/**.
  const name = (m?.[1] ?? "")
    .replace(/`/g, "")
    .replace(/^(\*\*|__)(.+)\1$/, "$2")
    .replace(/[:,]$/, "");
  const note = (m?.[2] ?? "")
    .replace(/^(?:#+|\/\/|<-+|←|—|–|-{1,2}|:)\s*/, "")
    .replace(/^\((.*)\)$/, "$1")
    .trim();
  return { name, note };
}

interface Frame {
  column: number;
  path: string;
  exempt: boolean;
  entry: TreeEntry | undefined;
  /** The root path of the tree part this frame is in (set by unindented lines). */
  root: string | undefined;
}

/**
 * Rebuilds full paths from a file tree drawn in a code block. The first unindented line may be a root
 * such as `apps/gateway/src/` (or `./`), which prefixes everything under it; indentation (the column
 * where a name starts) decides nesting. Trailing `# comments` and `— notes` are kept as the entry's note.
 *
 * @param value the code block's content
 * @param firstLine 1-based document line of the block's first content line
 */
export function extractFileTree(value: string, firstLine: number): TreeEntry[] {
  const entries: TreeEntry[] = [];
  const stack: Frame[] = [];
  value.split("\n").forEach((raw, index) => {
    const line = raw.replace(/\t/g, "    ").replace(/\s+$/, "");
    if (line.trim() === "") return;
    const prefix = PREFIX_CHARS.exec(line)?.[0] ?? "";
    const column = prefix.length;
    const rest = line.slice(column);
    // An unindented line without branch glyphs starts a root (`apps/gateway/src/`, `proj/`).
    const rootLine = !/[\s├└┣┗╰─━|+-]/.test(prefix.replace(/^`/, "")) && !/^\s/.test(prefix);
    const labelled = rootLine ? LABELLED_ROOT.exec(rest)?.[1] : undefined;
    const { name, note } = labelled ? { name: labelled, note: "" } : splitNameAndNote(rest);
    if (name === "" || name.startsWith("#") || name.startsWith("//") || name.startsWith("<!--")) return;
    while (stack.length > 0 && (stack[stack.length - 1] as Frame).column >= column) stack.pop();
    const parent = stack[stack.length - 1];
    const isRootMarker = name === "." || name === "./";
    const valid =
      isRootMarker ||
      (labelled ?? (NAME_RE.test(name) && !/^\.{2,}\/?$/.test(name) && !name.includes(".."))) !== false;
    const exempt = (parent?.exempt ?? false) || isExemptNote(note);
    if (!valid) {
      // A glob (`*.ts`) or ellipsis: nothing to cite, but keep nesting intact for its children.
      stack.push({ column, path: parent?.path ?? "", exempt: true, entry: undefined, root: parent?.root });
      return;
    }
    const own = isRootMarker ? "" : name.replace(/^\.\//, "").replace(/\/+$/, "");
    const path = [parent?.path ?? "", own].filter((p) => p !== "").join("/");
    const root = parent ? parent.root : rootLine && path !== "" ? path : undefined;
    let entry: TreeEntry | undefined;
    if (path !== "") {
      entry = {
        path,
        isDirectory: name.endsWith("/"),
        hasChildren: false,
        line: firstLine + index,
        note,
        exempt,
        root,
      };
      entries.push(entry);
    }
    if (parent?.entry) {
      parent.entry.hasChildren = true;
      parent.entry.isDirectory = true;
    }
    stack.push({ column, path, exempt, entry, root });
  });
  return entries;
}
