import { z } from "zod";
import { PathEscapeError } from "../errors.js";
import { normalizeRepoPath } from "../files/normalize-repo-path.js";

/** Why `path` is not a usable repository path, or undefined when it is. */
function repoPathProblem(path: string): string | undefined {
  try {
    normalizeRepoPath(path);
    return undefined;
  } catch (error) {
    return error instanceof PathEscapeError
      ? error.message.replace(/^Refused path "[^"]*": /, "")
      : String(error);
  }
}

/**
 * A path relative to the repository root. Absolute paths, `..` above the root and the root
 * itself are rejected here; `resolveSystemSpecs` normalises the rest (`./docs//a.md` → `docs/a.md`).
 */
export const repoPath = z
  .string()
  .min(1)
  .describe("A path relative to the repository root, with forward slashes.")
  .superRefine((path, ctx) => {
    const problem = repoPathProblem(path);
    if (problem)
      ctx.addIssue({ code: "custom", message: `must be a path inside the repository: ${problem}` });
  });
