import { PathEscapeError } from "../errors.js";
import { normalizeRepoPath } from "./normalize-repo-path.js";
import { resolveSymlinkTarget } from "./resolve-symlink-target.js";

/** One entry of a recursive git tree listing (`git ls-tree -r -l`, or GitHub's tree API). */
export interface GitTreeEntry {
  /** Path from the repository root, as stored in the tree. */
  path: string;
  /** Git file mode: `100644`, `100755` (files), `120000` (symlink), `160000` (submodule), `040000` (tree). */
  mode: string;
  /** `blob`, `tree` or `commit` (a submodule). */
  type: string;
  /** Object id of the blob (or tree/commit). */
  sha: string;
  /** Blob size in bytes; absent for trees and submodules. */
  size?: number | undefined;
}

/** A readable file of the snapshot: a regular blob, or a symlink listed as the blob it names. */
export interface ResolvedTreeFile {
  path: string;
  size: number;
  /** The blob holding the content (the target's blob for a symlink). */
  blobSha: string;
}

/** The files of a tree after symlinks were resolved and confined. */
export interface ResolvedTree {
  /** Every readable file, sorted by path (code-unit order). */
  files: readonly ResolvedTreeFile[];
  byPath: ReadonlyMap<string, ResolvedTreeFile>;
  /** Symlinks refused because they lead outside the repository: link path → reason. */
  refused: ReadonlyMap<string, string>;
}

const SYMLINK_MODE = "120000";
/** Longest symlink target read; anything longer is treated as dangling (Linux PATH_MAX). */
const MAX_LINK_TARGET_BYTES = 4096;
/** Hops followed through links that point at other links before giving up. */
const MAX_LINK_HOPS = 8;
/** Link targets read at once. */
const LINK_READ_CONCURRENCY = 8;

/**
 * Turns a recursive tree listing into the snapshot's file list:
 * - regular blobs are listed as they are; trees and submodules (`commit`) are skipped;
 * - entries whose stored path is not already normal (`a/../b`, absolute) are skipped;
 * - a symlink whose target (read with `readLinkTarget`) is a file in the tree is listed under
 *   the link's own path with the target's size and blob; links to links are followed;
 * - a symlink leading outside the repository is left out and recorded in `refused`;
 * - a symlink to a directory, a missing file or a loop is left out (reads report `missing`).
 */
export async function resolveTreeEntries(
  entries: readonly GitTreeEntry[],
  readLinkTarget: (entry: GitTreeEntry) => Promise<string>,
): Promise<ResolvedTree> {
  const blobs = new Map<string, ResolvedTreeFile>();
  const links = new Map<string, GitTreeEntry>();
  for (const entry of entries) {
    if (entry.type !== "blob" || !isNormalPath(entry.path)) continue;
    if (entry.mode === SYMLINK_MODE) links.set(entry.path, entry);
    else blobs.set(entry.path, { path: entry.path, size: entry.size ?? 0, blobSha: entry.sha });
  }

  const targets = new Map<string, string | undefined>();
  const linkList = [...links.values()];
  for (let i = 0; i < linkList.length; i += LINK_READ_CONCURRENCY) {
    const chunk = linkList.slice(i, i + LINK_READ_CONCURRENCY);
    const read = await Promise.all(
      chunk.map((link) =>
        (link.size ?? 0) > MAX_LINK_TARGET_BYTES ? Promise.resolve(undefined) : readLinkTarget(link),
      ),
    );
    chunk.forEach((link, j) => targets.set(link.path, read[j]));
  }

  const byPath = new Map(blobs);
  const refused = new Map<string, string>();
  for (const linkPath of links.keys()) {
    const outcome = followLink(linkPath, targets, blobs);
    if (outcome.kind === "file") byPath.set(linkPath, { ...outcome.file, path: linkPath });
    else if (outcome.kind === "escape") refused.set(linkPath, outcome.reason);
  }
  const files = [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, byPath, refused };
}

type LinkOutcome =
  { kind: "file"; file: ResolvedTreeFile } | { kind: "escape"; reason: string } | { kind: "unresolved" };

function followLink(
  linkPath: string,
  targets: ReadonlyMap<string, string | undefined>,
  blobs: ReadonlyMap<string, ResolvedTreeFile>,
): LinkOutcome {
  let current = linkPath;
  for (let hop = 0; hop < MAX_LINK_HOPS; hop++) {
    const target = targets.get(current);
    if (target === undefined) return { kind: "unresolved" };
    let next: string;
    try {
      next = resolveSymlinkTarget(current, target);
    } catch (error) {
      if (!(error instanceof PathEscapeError)) throw error;
      const via = current === linkPath ? "" : ` (via the symlink "${current}")`;
      return {
        kind: "escape",
        reason: `it is a symlink to ${JSON.stringify(target)}, outside the repository${via}`,
      };
    }
    const file = blobs.get(next);
    if (file) return { kind: "file", file };
    if (!targets.has(next)) return { kind: "unresolved" };
    current = next;
  }
  return { kind: "unresolved" };
}

function isNormalPath(path: string): boolean {
  try {
    return normalizeRepoPath(path) === path;
  } catch {
    return false;
  }
}
