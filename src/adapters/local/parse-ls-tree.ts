import type { GitTreeEntry } from "../../core/files/resolve-tree-entries.js";

/**
 * Parses the output of `git ls-tree -r -l -z`: NUL-terminated records of the form
 * `<mode> SP <type> SP <object> SP+ <size>\t<path>` (size is `-` for submodules). Paths are
 * raw (not quoted) with `-z`. Malformed records are skipped.
 */
export function parseLsTree(output: Buffer): GitTreeEntry[] {
  const entries: GitTreeEntry[] = [];
  for (const record of output.toString("utf8").split("\0")) {
    const tab = record.indexOf("\t");
    if (tab === -1) continue;
    const [mode, type, sha, size] = record.slice(0, tab).trim().split(/ +/);
    if (mode === undefined || type === undefined || sha === undefined) continue;
    const bytes = size === undefined || size === "-" ? undefined : Number(size);
    entries.push({
      path: record.slice(tab + 1),
      mode,
      type,
      sha,
      size: bytes !== undefined && Number.isSafeInteger(bytes) ? bytes : undefined,
    });
  }
  return entries;
}
