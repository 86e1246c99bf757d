import { GitHostError } from "../../../ports/git-host.js";

/** True when `text` has a control character (or, unless allowed, a space). */
function hasControl(text: string, allowSpace: boolean): boolean {
  return [...text].some((c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 || code === 0x7f || (code === 0x20 && !allowSpace);
  });
}

function refuse(message: string, hint: string): never {
  throw new GitHostError(message, hint, "invalid-request");
}

/**
 * Checks a branch name against git's ref-name rules (`git check-ref-format`) before it is put
 * into a request, so a bad name fails with a clear message instead of an opaque 422.
 */
export function checkBranchName(branch: string): void {
  const bad =
    branch.length === 0 ||
    branch.length > 255 ||
    branch === "@" ||
    hasControl(branch, false) ||
    /[~^:?*[\\]/.test(branch) ||
    branch.includes("..") ||
    branch.includes("@{") ||
    branch.includes("//") ||
    /^[/.]|[/.]$|\.lock$|\/\.|\.lock\//.test(branch);
  if (bad) {
    refuse(
      `"${branch}" is not a valid branch name`,
      "Use letters, digits, `-`, `_`, `.` and `/` (no spaces, `..`, or leading/trailing `/` or `.`), e.g. `specwright/spec-login`.",
    );
  }
}

/** Checks a repository-relative file path (no leading `/`, `\`, `.`/`..` segments, or `.git/`). */
export function checkRepoPath(path: string): void {
  const segments = path.split("/");
  const bad =
    path.length === 0 ||
    path.length > 4096 ||
    path.includes("\\") ||
    hasControl(path, true) ||
    segments.some((s) => s === "" || s === "." || s === "..") ||
    segments[0] === ".git";
  if (bad) {
    refuse(
      `"${path}" is not a repository-relative file path`,
      "Use a path relative to the repository root with forward slashes, e.g. `specs/login.md`.",
    );
  }
}
