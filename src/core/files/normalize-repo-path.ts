import { PathEscapeError } from "../errors.js";

/** Shows control characters (NUL, newlines) visibly, so an error message cannot be garbled by them. */
function printable(path: string): string {
  // eslint-disable-next-line no-control-regex
  return path.replace(/[\u0000-\u001f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

/**
 * Normalises a path given relative to the repository root into the one form every snapshot
 * uses: forward slashes, no `./` prefix, no empty or `.` segments, no trailing slash, and
 * `..` resolved lexically (`docs/../src/a.ts` → `src/a.ts`).
 *
 * Throws `PathEscapeError` for an empty path, a path naming the root itself (`.`), a NUL
 * byte, an absolute path (`/x`, `\x`, `C:\x`, `C:x`, `\\server\share`) and any `..` that
 * would climb above the repository root (even if a later segment comes back in).
 */
export function normalizeRepoPath(input: string): string {
  if (input.length === 0) throw new PathEscapeError(input, "the path is empty");
  if (input.includes("\u0000")) throw new PathEscapeError(printable(input), "it contains a NUL byte");
  const slashed = input.replace(/\\/g, "/");
  if (slashed.startsWith("/")) throw new PathEscapeError(printable(input), "absolute paths are not allowed");
  if (/^[A-Za-z]:/.test(slashed)) {
    throw new PathEscapeError(printable(input), "drive-letter paths are not allowed");
  }
  const segments: string[] = [];
  for (const segment of slashed.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (segments.length === 0) {
        throw new PathEscapeError(printable(input), "`..` climbs above the repository root");
      }
      segments.pop();
      continue;
    }
    segments.push(segment);
  }
  if (segments.length === 0) {
    throw new PathEscapeError(printable(input), "it names the repository root, not a file");
  }
  return segments.join("/");
}
