import { PathEscapeError } from "../../core/errors.js";
import { normalizeRepoPath } from "../../core/files/normalize-repo-path.js";

/** The refusal a model sees for a path outside the repository. */
export const PATH_REFUSED = "refused: path leaves the repository";

/** A normalised repository path, the root (`""`), or the refusal text. */
export type ConfinedPath = { ok: true; path: string } | { ok: false; error: string };

const ROOT_FORMS = new Set(["", ".", "./", "/."]);

/**
 * Normalises a path from a tool call. With `allowRoot`, `""`, `.` and `./` name the repository
 * root (returned as `""`). A path that leaves the repository (absolute, `..` above the root,
 * drive letter, NUL byte) is refused with `PATH_REFUSED` and the reason.
 */
export function confineToolPath(input: string, options: { allowRoot?: boolean } = {}): ConfinedPath {
  const trimmed = input.trim();
  if (ROOT_FORMS.has(trimmed)) {
    return options.allowRoot
      ? { ok: true, path: "" }
      : { ok: false, error: `"${trimmed}" is the repository root, not a file; use list_directory to see it` };
  }
  try {
    return { ok: true, path: normalizeRepoPath(trimmed) };
  } catch (error) {
    if (error instanceof PathEscapeError) return { ok: false, error: `${PATH_REFUSED} (${error.message})` };
    throw error;
  }
}
