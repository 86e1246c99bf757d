import type { CheckReport } from "../checks/summarize-findings.js";
import type { Severity } from "../checks/types.js";

const COMMAND: Record<Severity, string> = { error: "error", warning: "warning", info: "notice" };

/** Escapes a workflow-command message: `%`, CR and LF. */
export function escapeCommandData(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a workflow-command property value: as data, plus `:` and `,`. */
export function escapeCommandProperty(value: string): string {
  return escapeCommandData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/**
 * GitHub Actions workflow commands, one per finding (`::error file=…,line=…,title=…::message`),
 * so findings show as annotations on the pull request. `info` findings become `::notice`.
 */
export function renderFindingsGithub(report: CheckReport): string {
  const lines = report.findings.map((f) => {
    const props = [`file=${escapeCommandProperty(f.file)}`];
    if (f.line !== undefined) props.push(`line=${f.line}`);
    props.push(`title=${escapeCommandProperty(`${f.rule} (${f.id})`)}`);
    const message = `${f.message}\nFix: ${f.fix}`;
    return `::${COMMAND[f.severity]} ${props.join(",")}::${escapeCommandData(message)}`;
  });
  const s = report.summary;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  lines.push(
    `specwright check: ${plural(s.bySeverity.error, "error")}, ${plural(s.bySeverity.warning, "warning")}, ${s.bySeverity.info} info in ${plural(s.specsChecked, "spec")}`,
  );
  return `${lines.join("\n")}\n`;
}
