import type { Finding, Severity } from "../checks/types.js";
import { plural } from "./format-units.js";

/** Findings counted per severity (all three keys present). */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/** `2 errors, 1 warning, 0 info`. */
export function formatSeverityCounts(counts: Readonly<Record<Severity, number>>): string {
  return `${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}, ${counts.info} info`;
}
