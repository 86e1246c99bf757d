import { z } from "zod";
import type { RepoSnapshot, SnapshotFile } from "../../ports/repo-snapshot.js";
import { defineTool, toolError, type AgentTool } from "./agent-tool.js";
import { confineToolPath } from "./confine-tool-path.js";
import { formatBytes } from "./format-bytes.js";

/** Most lines one `list_directory` answer shows. */
export const LIST_DIRECTORY_MAX_ENTRIES = 500;

const schema = z
  .object({
    path: z
      .string()
      .default(".")
      .describe('Directory relative to the repository root; "." (default) for the root.'),
    depth: z.number().int().min(1).max(6).default(2).describe("How many levels to show (1-6, default 2)."),
  })
  .strict();

interface DirNode {
  dirs: Map<string, DirNode>;
  files: { name: string; size: number }[];
  fileCount: number;
  totalBytes: number;
}

function emptyNode(): DirNode {
  return { dirs: new Map(), files: [], fileCount: 0, totalBytes: 0 };
}

function buildTree(files: readonly SnapshotFile[], prefix: string): DirNode {
  const root = emptyNode();
  for (const file of files) {
    if (prefix !== "" && !file.path.startsWith(`${prefix}/`)) continue;
    const parts = (prefix === "" ? file.path : file.path.slice(prefix.length + 1)).split("/");
    let node = root;
    node.fileCount += 1;
    node.totalBytes += file.size;
    for (const dir of parts.slice(0, -1)) {
      let child = node.dirs.get(dir);
      if (!child) node.dirs.set(dir, (child = emptyNode()));
      child.fileCount += 1;
      child.totalBytes += file.size;
      node = child;
    }
    node.files.push({ name: parts[parts.length - 1] ?? "", size: file.size });
  }
  return root;
}

function render(node: DirNode, depth: number, indent: string, out: string[], max: number): boolean {
  const dirs = [...node.dirs.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  const files = [...node.files].sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const [name, child] of dirs) {
    if (out.length >= max) return false;
    out.push(
      `${indent}${name}/  (${child.fileCount} file${child.fileCount === 1 ? "" : "s"}, ${formatBytes(child.totalBytes)})`,
    );
    if (depth > 1 && !render(child, depth - 1, `${indent}  `, out, max)) return false;
  }
  for (const file of files) {
    if (out.length >= max) return false;
    out.push(`${indent}${file.name}  ${formatBytes(file.size)}`);
  }
  return true;
}

/**
 * The `list_directory` tool: the files and subdirectories of a snapshot directory, `depth`
 * levels deep, with sizes (and file counts for directories), directories first. At most
 * `maxEntries` lines, with a note when cut. Files, missing directories and paths outside
 * the repository are error results.
 */
export function createListDirectoryTool(
  snapshot: RepoSnapshot,
  listFiles: () => Promise<readonly SnapshotFile[]>,
  maxEntries: number = LIST_DIRECTORY_MAX_ENTRIES,
): AgentTool {
  return defineTool({
    name: "list_directory",
    description:
      "List the files and subdirectories of a repository directory with their sizes, a few levels deep. " +
      `Use it to find your way around before reading files. At most ${maxEntries} entries per call.`,
    schema,
    async run({ path: rawPath, depth }) {
      const confined = confineToolPath(rawPath, { allowRoot: true });
      if (!confined.ok) return toolError(confined.error);
      const dir = confined.path;
      const files = await listFiles();
      if (dir !== "" && files.some((f) => f.path === dir))
        return toolError(`"${dir}" is a file, not a directory; use read_file.`);
      const tree = buildTree(files, dir);
      if (tree.fileCount === 0) {
        return dir === ""
          ? { content: `The repository (${snapshot.label}) has no files.`, isError: false }
          : toolError(`No directory "${dir}" at this commit.`);
      }
      const out: string[] = [];
      const complete = render(tree, depth, "", out, maxEntries);
      const title = `Directory: ${dir === "" ? "." : dir} (${tree.fileCount} files, ${formatBytes(tree.totalBytes)}; depth ${depth})`;
      const note = complete
        ? ""
        : `\n[Truncated at ${maxEntries} entries: list a subdirectory or lower the depth to see the rest.]`;
      return { content: `${title}\n${out.join("\n")}${note}`, isError: false };
    },
  });
}
