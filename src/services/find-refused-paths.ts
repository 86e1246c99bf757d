import { PathEscapeError } from "../core/errors.js";
import type { FileIndex } from "../core/files/file-index.js";
import type { RepoSnapshot } from "../ports/repo-snapshot.js";

/**
 * Of `paths` that are not in the file index, the ones the snapshot refuses to read (a symlink
 * leading outside the repository), with the reason: so `plan` can say "refused" instead of
 * "missing". Snapshots decide refusals when they list the tree, so this asks for nothing new.
 */
export async function findRefusedPaths(
  snapshot: RepoSnapshot,
  index: FileIndex,
  paths: Iterable<string>,
): Promise<Map<string, string>> {
  const refused = new Map<string, string>();
  for (const path of new Set(paths)) {
    if (index.filesUnder(path).length > 0) continue;
    try {
      await snapshot.readFile(path);
    } catch (error) {
      if (error instanceof PathEscapeError) refused.set(path, error.reason);
      else throw error;
    }
  }
  return refused;
}
