import type { Finding } from "./types.js";

const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/**
 * The one stable order of findings in reports, review files and prompts: by file, line
 * (findings without a line first), rule, message, then id. Code-point order, so it does not
 * depend on the machine's locale.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.file, b.file) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    cmp(a.rule, b.rule) ||
    cmp(a.message, b.message) ||
    cmp(a.id, b.id)
  );
}
