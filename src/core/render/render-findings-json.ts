import type { CheckReport } from "../checks/summarize-findings.js";

/**
 * The stable JSON form of a check report (`specwright check --format json`):
 * `{"findings":[{"id","rule","severity","file","line","message","subjects","specs","fix"}],"summary":{…}}`.
 * `line` is `null` when unknown. `summary` is `{"commit","specsChecked","total","bySeverity":{"error","warning","info"},"byRule":{<rule>:<count>}}`
 * (see `CheckSummary`). Keys are documented in the README: add keys, never rename or remove them.
 */
export function renderFindingsJson(report: CheckReport): string {
  const body = {
    findings: report.findings.map((f) => ({
      id: f.id,
      rule: f.rule,
      severity: f.severity,
      file: f.file,
      line: f.line ?? null,
      message: f.message,
      subjects: [...f.subjects],
      specs: [...f.specs],
      fix: f.fix,
    })),
    summary: {
      commit: report.summary.commit,
      specsChecked: report.summary.specsChecked,
      total: report.summary.total,
      bySeverity: { ...report.summary.bySeverity },
      byRule: { ...report.summary.byRule },
    },
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
