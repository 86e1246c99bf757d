import type {
  ReadFileResult,
  RepoSnapshot,
  SnapshotFile,
  SnapshotLimits,
} from "../../ports/repo-snapshot.js";
import { PathEscapeError } from "../errors.js";
import { classifyFileContent } from "./classify-file-content.js";
import { normalizeRepoPath } from "./normalize-repo-path.js";
import { resolveTreeEntries, type GitTreeEntry, type ResolvedTree } from "./resolve-tree-entries.js";

/** The I/O a git-tree snapshot needs; adapters (local git, GitHub) supply it. */
export interface TreeSnapshotSource {
  /** Commit SHA the tree belongs to. */
  sha: string;
  label: string;
  limits: SnapshotLimits;
  /** Loads the commit's whole tree, recursively. Called once per snapshot (again only after a failure). */
  loadEntries(): Promise<readonly GitTreeEntry[]>;
  /** Reads a blob's bytes by object id. Only called for blobs within `limits.maxFileBytes` and symlink targets. */
  readBlob(blobSha: string, size: number): Promise<Uint8Array>;
}

/**
 * Builds a `RepoSnapshot` over a git tree: the tree is loaded and its symlinks resolved on
 * first use and then cached; reads normalise the path (throwing `PathEscapeError` for paths
 * and symlinks that leave the repository), report oversized files without reading them, and
 * classify the rest as text or binary with `classifyFileContent`.
 */
export function createTreeSnapshot(source: TreeSnapshotSource): RepoSnapshot {
  let loading: Promise<ResolvedTree> | undefined;
  let listing: readonly SnapshotFile[] | undefined;
  const load = (): Promise<ResolvedTree> => {
    loading ??= source
      .loadEntries()
      .then((entries) =>
        resolveTreeEntries(entries, async (link) =>
          new TextDecoder().decode(await source.readBlob(link.sha, link.size ?? 0)),
        ),
      )
      .catch((error: unknown) => {
        loading = undefined;
        throw error;
      });
    return loading;
  };

  return {
    sha: source.sha,
    label: source.label,
    async listFiles(): Promise<readonly SnapshotFile[]> {
      const tree = await load();
      listing ??= tree.files.map(({ path, size }) => ({ path, size }));
      return listing;
    },
    async readFile(input: string): Promise<ReadFileResult> {
      const path = normalizeRepoPath(input);
      const tree = await load();
      const refusal = tree.refused.get(path);
      if (refusal !== undefined) throw new PathEscapeError(path, refusal);
      const file = tree.byPath.get(path);
      if (!file) return { kind: "missing", path };
      const limit = source.limits.maxFileBytes;
      if (file.size > limit) return { kind: "too-large", path, size: file.size, limit };
      const bytes = await source.readBlob(file.blobSha, file.size);
      if (bytes.length > limit) return { kind: "too-large", path, size: bytes.length, limit };
      const content = classifyFileContent(bytes);
      return content.kind === "text"
        ? { kind: "text", path, text: content.text, size: bytes.length }
        : { kind: "binary", path, size: bytes.length };
    },
  };
}
