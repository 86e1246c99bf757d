import type { CheckReport } from "../checks/summarize-findings.js";
import { LLM_RULE_IDS, type Finding, type RuleId } from "../checks/types.js";
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
  const subjects =
    f.subjects.length > 0 ? ` Subjects: ${f.subjects.map((s) => `\`${oneLine(s)}\``).join(", ")}.` : "";
  return `- [ ] **${f.rule}** (${f.severity}) ${where} — ${sentence(f.message)}${specs}${subjects} Fix: ${sentence(f.fix)} \`${f.id}\``;
}

/** Whether the LLM pass of the review ran: what the review file's header says about it. */
export type ReviewLlmPass =
  { kind: "done"; model: string } | { kind: "failed"; reason: string } | { kind: "not-run"; why: string };

const llmRules = new Set<RuleId>(LLM_RULE_IDS);

function counts(findings: readonly Finding[]): string {
  const n = (severity: Finding["severity"]) => findings.filter((f) => f.severity === severity).length;
  return `${plural(n("error"), "error")}, ${plural(n("warning"), "warning")}, ${n("info")} info`;
}

function llmLine(llm: ReviewLlmPass, found: readonly Finding[]): string {
  const what = "contradictions, missing cross-references, depth imbalance";
  if (llm.kind === "done") {
    return `- LLM pass (${what}): ran on \`${llm.model}\`; ${plural(found.length, "finding")} kept: ${counts(found)}.`;
  }
  if (llm.kind === "failed")
    return `- LLM pass (${what}): did not finish (${oneLine(llm.reason).replace(/\.$/, "")}).`;
  return `- LLM pass (${what}): not run (${oneLine(llm.why).replace(/\.$/, "")}).`;
}

/**
 * A review document in the shape of the consistency review (`consistency-review.md`): title,
 * the commit, which parts of the review ran (the deterministic checks, and whether the LLM pass
 * ran, with the findings each contributed), a summary table of counts per category, then a
 * checklist grouped by spec file. Without `meta.llm`, the LLM pass is reported as not run.
 */
export function renderReviewMarkdown(
  report: CheckReport,
  meta: { title?: string; llm?: ReviewLlmPass } = {},
): string {
  const { summary, findings } = report;
  const llm = meta.llm ?? { kind: "not-run", why: "only the deterministic checks were asked for" };
  const fromLlm = findings.filter((f) => llmRules.has(f.rule));
  const deterministic = findings.filter((f) => !llmRules.has(f.rule));
  const out: string[] = [
    `# ${meta.title ?? "Consistency Review"}`,
    "",
    `Reviewed by Specwright at commit \`${summary.commit}\`: ${plural(summary.specsChecked, "spec")} checked.`,
    "",
    `- Deterministic checks: ran; ${plural(deterministic.length, "finding")}: ${counts(deterministic)}.`,
    llmLine(llm, fromLlm),
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
