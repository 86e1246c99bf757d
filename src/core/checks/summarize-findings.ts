import { RULE_IDS, type Finding, type RuleId, type Severity } from "./types.js";

/**
 * The `summary` object of a check report (also the `summary` of `--format json`):
 * - `commit`: the commit SHA checked (`WORKTREE` for a plain folder)
 * - `specsChecked`: how many spec files were checked (system + implementation)
 * - `total`: number of findings
 * - `bySeverity`: `{ error, warning, info }` counts (all three keys always present)
 * - `byRule`: counts per rule id, only rules with findings, in rule-id order
 */
export interface CheckSummary {
  commit: string;
  specsChecked: number;
  total: number;
  bySeverity: Record<Severity, number>;
  byRule: Partial<Record<RuleId, number>>;
}

/** The result of checking a repository. */
export interface CheckReport {
  findings: Finding[];
  summary: CheckSummary;
}

/** Counts findings by severity and by rule. */
export function summarizeFindings(
  findings: readonly Finding[],
  meta: { commit: string; specsChecked: number },
): CheckSummary {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const counts = new Map<RuleId, number>();
  for (const f of findings) {
    bySeverity[f.severity] += 1;
    counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  }
  const byRule: Partial<Record<RuleId, number>> = {};
  for (const rule of RULE_IDS) {
    const n = counts.get(rule);
    if (n) byRule[rule] = n;
  }
  return { commit: meta.commit, specsChecked: meta.specsChecked, total: findings.length, bySeverity, byRule };
}
