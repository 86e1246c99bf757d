import { normalizeRepoPath } from "../core/files/normalize-repo-path.js";

/**
 * The repository path a model meant by `raw` in a finding (`./docs/specs/a.md`, or the bare
 * `a.md` of a spec in `specsDir`): the normalised path when it exists in `files`, else the spec
 * folder's file of that name when that exists, else `undefined` (also for paths that leave the
 * repository).
 */
export function resolveReviewPath(
  raw: string,
  files: ReadonlySet<string>,
  specsDir: string,
): string | undefined {
  let path: string;
  try {
    path = normalizeRepoPath(raw.trim().replace(/^`|`$/g, ""));
  } catch {
    return undefined;
  }
  if (files.has(path)) return path;
  const inSpecs = `${specsDir}/${path}`;
  return !path.includes("/") && files.has(inSpecs) ? inSpecs : undefined;
}
