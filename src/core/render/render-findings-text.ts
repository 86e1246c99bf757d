import type { CheckReport } from "../checks/summarize-findings.js";
import { groupFindingsByFile } from "./group-findings-by-file.js";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, " ").trim();

/**
 * Plain-text report for the terminal: findings grouped by spec file, one line each
 * (`file:line  severity  rule  message`) with the subjects (other than the files shown), the other
 * specs involved and the fix indented below, then a one-line summary.
 */
export function renderFindingsText(report: CheckReport): string {
  const { summary } = report;
  const out: string[] = [];
  for (const [file, findings] of groupFindingsByFile(report.findings)) {
    out.push(file);
    for (const f of findings) {
      const where = f.line === undefined ? f.file : `${f.file}:${f.line}`;
      out.push(`  ${where}  ${f.severity.padEnd(7)}  ${f.rule}  ${oneLine(f.message)}`);
      // Subjects other than the files already shown: the paths, terms, features the finding is about.
      const subjects = f.subjects.filter((s) => s !== f.file && !f.specs.includes(s));
      if (subjects.length > 0) out.push(`      subjects: ${subjects.map(oneLine).join(", ")}`);
      const others = f.specs.filter((s) => s !== f.file);
      if (others.length > 0) out.push(`      specs: ${others.join(", ")}`);
      out.push(`      fix: ${oneLine(f.fix)}  [${f.id}]`);
    }
    out.push("");
  }
  const counts = summary.bySeverity;
  const commit = summary.commit.length === 40 ? summary.commit.slice(0, 12) : summary.commit;
  out.push(
    report.findings.length === 0
      ? `No findings in ${plural(summary.specsChecked, "spec")} at ${commit}.`
      : `${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}, ${counts.info} info in ${plural(summary.specsChecked, "spec")} at ${commit}.`,
  );
  return `${out.join("\n")}\n`;
}
