import { PathEscapeError } from "../errors.js";
import { normalizeRepoPath } from "./normalize-repo-path.js";

/**
 * Resolves a symlink's stored target (as git records it) to a repository path. The target
 * is taken relative to the directory holding the link and normalised lexically.
 *
 * Throws `PathEscapeError` naming the link when the target is empty, absolute, or leaves the
 * repository (`../../etc/passwd`), even when it would re-enter it further on.
 */
export function resolveSymlinkTarget(linkPath: string, target: string): string {
  const slash = linkPath.lastIndexOf("/");
  const linkDir = slash === -1 ? "" : linkPath.slice(0, slash);
  if (target.length === 0) throw new PathEscapeError(linkPath, "the symlink has an empty target");
  const shown = JSON.stringify(target);
  if (/^([/\\]|[A-Za-z]:)/.test(target)) {
    throw new PathEscapeError(linkPath, `the symlink points at the absolute path ${shown}`);
  }
  try {
    return normalizeRepoPath(linkDir === "" ? target : `${linkDir}/${target}`);
  } catch (error) {
    if (error instanceof PathEscapeError) {
      throw new PathEscapeError(linkPath, `the symlink points at ${shown}, outside the repository`);
    }
    throw error;
  }
}
