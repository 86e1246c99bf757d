import { readdir, readFile, realpath, stat } from "node:fs/promises";
import { join, sep } from "node:path";
import { classifyFileContent } from "../../core/files/classify-file-content.js";
import { normalizeRepoPath } from "../../core/files/normalize-repo-path.js";
import { PathEscapeError } from "../../core/errors.js";
import type {
  ReadFileResult,
  RepoSnapshot,
  SnapshotFile,
  SnapshotLimits,
} from "../../ports/repo-snapshot.js";

/** Directory names never walked into. */
const SKIPPED_DIRECTORIES = new Set([".git", "node_modules"]);

interface Listing {
  /** The directory's real path (symlinks resolved). */
  root: string;
  files: readonly SnapshotFile[];
  /** Repository path → absolute path on disk (the link's own path for symlinks). */
  onDisk: ReadonlyMap<string, string>;
  /** Symlinks leading outside the directory: path → reason. */
  refused: ReadonlyMap<string, string>;
}

/**
 * A snapshot of a plain directory (not a git checkout) as it is on disk; its `sha` is
 * `WORKTREE`. The tree is walked once, on first use, skipping `.git` and `node_modules`.
 * Symlinks are resolved with `realpath`: one naming a file inside the directory is listed
 * with that file's size; one leading outside is left out and refused on read; links to
 * directories and dangling links are left out. Only listed files can be read.
 */
export function openPlainDirectorySnapshot(options: { dir: string; limits: SnapshotLimits }): RepoSnapshot {
  const { dir, limits } = options;
  let loading: Promise<Listing> | undefined;
  const load = () => {
    loading ??= walkDirectory(dir).catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };

  return {
    sha: "WORKTREE",
    label: `${dir} (working tree)`,
    listFiles: async () => (await load()).files,
    async readFile(input: string): Promise<ReadFileResult> {
      const path = normalizeRepoPath(input);
      const listing = await load();
      const refusal = listing.refused.get(path);
      if (refusal !== undefined) throw new PathEscapeError(path, refusal);
      const onDisk = listing.onDisk.get(path);
      if (onDisk === undefined) return { kind: "missing", path };
      // Checked again at read time: the directory may have changed since it was listed.
      const real = await realpath(onDisk).catch(() => undefined);
      if (real === undefined) return { kind: "missing", path };
      if (!isInside(listing.root, real))
        throw new PathEscapeError(path, "it now resolves outside the directory");
      const info = await stat(real);
      if (!info.isFile()) return { kind: "missing", path };
      if (info.size > limits.maxFileBytes)
        return { kind: "too-large", path, size: info.size, limit: limits.maxFileBytes };
      const bytes = await readFile(real);
      if (bytes.length > limits.maxFileBytes) {
        return { kind: "too-large", path, size: bytes.length, limit: limits.maxFileBytes };
      }
      const content = classifyFileContent(bytes);
      return content.kind === "text"
        ? { kind: "text", path, text: content.text, size: bytes.length }
        : { kind: "binary", path, size: bytes.length };
    },
  };
}

function isInside(root: string, target: string): boolean {
  return target === root || target.startsWith(root.endsWith(sep) ? root : root + sep);
}

async function walkDirectory(dir: string): Promise<Listing> {
  const root = await realpath(dir);
  const files: SnapshotFile[] = [];
  const onDisk = new Map<string, string>();
  const refused = new Map<string, string>();

  const visit = async (absolute: string, relative: string): Promise<void> => {
    const entries = await readdir(absolute, { withFileTypes: true });
    await Promise.all(
      entries.map(async (entry) => {
        if (SKIPPED_DIRECTORIES.has(entry.name)) return;
        const path = relative === "" ? entry.name : `${relative}/${entry.name}`;
        if (!isNormal(path)) return;
        const full = join(absolute, entry.name);
        if (entry.isDirectory()) return visit(full, path);
        if (entry.isFile()) {
          files.push({ path, size: (await stat(full)).size });
          onDisk.set(path, full);
          return;
        }
        if (!entry.isSymbolicLink()) return;
        const real = await realpath(full).catch(() => undefined);
        if (real === undefined) return;
        if (!isInside(root, real)) {
          refused.set(path, "it is a symlink that leads outside the directory");
          return;
        }
        const info = await stat(real);
        if (!info.isFile()) return;
        files.push({ path, size: info.size });
        onDisk.set(path, full);
      }),
    );
  };

  await visit(root, "");
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { root, files, onDisk, refused };
}

function isNormal(path: string): boolean {
  try {
    return normalizeRepoPath(path) === path;
  } catch {
    return false;
  }
}
