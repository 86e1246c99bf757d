import type { Finding } from "../checks/types.js";
import { SEVERITY_ORDER } from "./finding-categories.js";

/** Findings most severe first, then by file and line (findings without a line last in their file). Pure: returns a copy. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const rank = (f: Finding) => SEVERITY_ORDER.indexOf(f.severity);
  return [...findings].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      a.file.localeCompare(b.file) ||
      (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER) ||
      a.id.localeCompare(b.id),
  );
}
