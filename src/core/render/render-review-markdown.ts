import type { CheckReport } from "../checks/summarize-findings.js";
import type { Finding } from "../checks/types.js";
import { FINDING_CATEGORIES } from "./finding-categories.js";
import { groupFindingsByFile } from "./group-findings-by-file.js";

const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, " ").trim();
/** One line, ending in a full stop. */
const sentence = (s: string) => oneLine(s).replace(/([^.!?])$/, "$1.");
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
/** Keeps table cells intact: a `|` in a message would split the cell. */
const cell = (s: string) => oneLine(s).replace(/\|/g, "\\|");

function checklistItem(f: Finding): string {
  const where = f.line === undefined ? f.file : `${f.file}:${f.line}`;
  // The specs involved, when they are more than the file itself (overlaps, duplicated promises).
  const specs = f.specs.some((spec) => spec !== f.file) ? ` Specs: ${f.specs.join(", ")}.` : "";
  return `- [ ] **${f.rule}** (${f.severity}) ${where} — ${sentence(f.message)}${specs} Fix: ${sentence(f.fix)} \`${f.id}\``;
}

/**
 * A review document in the shape of the consistency review (`consistency-review.md`): title,
 * the commit, a summary table of counts per category, then a checklist grouped by spec file.
 */
export function renderReviewMarkdown(report: CheckReport, meta: { title?: string } = {}): string {
  const { summary, findings } = report;
  const out: string[] = [
    `# ${meta.title ?? "Consistency Review"}`,
    "",
    `Deterministic checks by Specwright at commit \`${summary.commit}\`: ${plural(summary.specsChecked, "spec")} checked, ` +
      `${plural(summary.bySeverity.error, "error")}, ${plural(summary.bySeverity.warning, "warning")}, ${summary.bySeverity.info} info.`,
    "",
    "## Summary",
    "",
    "| Category | Rules | Errors | Warnings | Info |",
    "|----------|-------|-------:|---------:|-----:|",
  ];
  for (const category of FINDING_CATEGORIES) {
    if (category.rules.length === 0) continue;
    const inCategory = findings.filter((f) => category.rules.includes(f.rule));
    const count = (severity: Finding["severity"]) => inCategory.filter((f) => f.severity === severity).length;
    const rules = category.rules.map((r) => `\`${r}\``).join(", ");
    out.push(
      `| ${cell(category.name)} | ${rules} | ${count("error")} | ${count("warning")} | ${count("info")} |`,
    );
  }
  out.push("", "## Findings by spec", "");
  if (findings.length === 0) out.push("No findings.", "");
  for (const [file, group] of groupFindingsByFile(findings)) {
    out.push(`### ${file}`, "", ...group.map(checklistItem), "");
  }
  return `${out.join("\n").replace(/\n+$/, "")}\n`;
}
