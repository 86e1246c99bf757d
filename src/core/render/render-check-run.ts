import type { Finding, Severity } from "../checks/types.js";
import { redactSecrets } from "../redact-secrets.js";
import type { CheckAnnotation, CheckRunOutput } from "./check-run-types.js";
import { countBySeverity, formatSeverityCounts } from "./count-by-severity.js";
import { categoryOfRule, FINDING_CATEGORIES, SEVERITY_LABEL } from "./finding-categories.js";
import { findingMarker } from "./finding-markers.js";
import { shortSha } from "./format-units.js";
import { codeSpan, plainText, sanitizeInline } from "./sanitize-text.js";
import { sortFindings } from "./sort-findings.js";
import { GITHUB_CHECK_SUMMARY_LIMIT, truncateForGithub, truncateList } from "./truncate-for-github.js";

/** The name of Specwright's consistency check run. */
export const CONSISTENCY_CHECK_NAME = "Specwright consistency";

const LEVEL: Readonly<Record<Severity, CheckAnnotation["annotation_level"]>> = {
  error: "failure",
  warning: "warning",
  info: "notice",
};

/** The consistency check run: conclusion, output and one annotation per finding with a file and line. */
export interface RenderedCheckRun extends CheckRunOutput {
  annotations: CheckAnnotation[];
}

/**
 * The "Specwright consistency" check run for findings: `failure` if any error, `neutral` if only
 * warnings, `success` otherwise (info alone does not fail); a title with the counts; a summary
 * (counts per category, then the findings that have no line to annotate); and annotations for
 * findings with a line. Send annotations in batches with `chunkAnnotations`.
 */
export function renderCheckRun(
  findings: readonly Finding[],
  meta: { commit?: string } = {},
): RenderedCheckRun {
  const sorted = sortFindings(findings);
  const counts = countBySeverity(sorted);
  const conclusion = counts.error > 0 ? "failure" : counts.warning > 0 ? "neutral" : "success";
  const title = sorted.length === 0 ? "No findings" : formatSeverityCounts(counts);
  const annotations = sorted.filter((f) => f.line !== undefined && f.line >= 1).map(toAnnotation);
  return {
    name: CONSISTENCY_CHECK_NAME,
    conclusion,
    title: redactSecrets(title),
    summary: renderSummary(sorted, annotations.length, meta.commit),
    annotations,
  };
}

function toAnnotation(f: Finding): CheckAnnotation {
  const line = f.line as number;
  const others = f.specs.filter((s) => s !== f.file);
  const details = [`Finding ${f.id} (rule ${f.rule})`];
  if (others.length > 0) details.push(`Also involves: ${others.join(", ")}`);
  return {
    path: plainText(f.file, 1000),
    start_line: line,
    end_line: line,
    annotation_level: LEVEL[f.severity],
    title: plainText(`${categoryOfRule(f.rule).name}: ${f.rule} (${f.id})`, 255),
    message: redactSecrets(
      [plainText(f.message, 4000), f.fix.trim() ? `Fix: ${plainText(f.fix, 2000)}` : ""]
        .filter(Boolean)
        .join("\n"),
    ),
    raw_details: plainText(details.join(" · "), 4000),
  };
}

function renderSummary(sorted: readonly Finding[], annotated: number, commit: string | undefined): string {
  const at = commit ? ` at ${codeSpan(shortSha(commit))}` : "";
  if (sorted.length === 0) return redactSecrets(`✅ No consistency findings${at}.`);
  const out = [
    `${formatSeverityCounts(countBySeverity(sorted))}${at}; ${annotated} annotated on their lines.`,
    "",
    "| Category | Errors | Warnings | Info |",
    "|---|---:|---:|---:|",
  ];
  for (const category of FINDING_CATEGORIES) {
    const group = sorted.filter((f) => categoryOfRule(f.rule).id === category.id);
    if (group.length === 0) continue;
    const c = countBySeverity(group);
    out.push(`| ${category.name} | ${c.error} | ${c.warning} | ${c.info} |`);
  }
  const unlined = sorted.filter((f) => f.line === undefined || f.line < 1);
  if (unlined.length > 0) {
    const rows = unlined.map(
      (f) =>
        `- ${SEVERITY_LABEL[f.severity]} ${codeSpan(f.file)} — ${sanitizeInline(f.message, 800)}` +
        `${f.fix.trim() ? ` **Fix:** ${sanitizeInline(f.fix, 600)}` : ""} ${findingMarker(f.id)}`,
    );
    const used = out.join("\n").length + 200;
    out.push(
      "",
      "### Findings without a line",
      "",
      ...truncateList(rows, {
        maxChars: GITHUB_CHECK_SUMMARY_LIMIT - used,
        more: (n) => `- _… and ${n} more findings without a line._`,
      }),
    );
  }
  return redactSecrets(truncateForGithub(out.join("\n"), GITHUB_CHECK_SUMMARY_LIMIT));
}
