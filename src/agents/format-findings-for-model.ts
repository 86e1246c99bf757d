import type { FindingDraft } from "../core/checks/types.js";

/** Most blocking findings listed in one repair request. */
export const MAX_LISTED_FINDINGS = 40;

function describe(finding: FindingDraft): string {
  const where = finding.line !== undefined ? ` line ${finding.line}` : "";
  const fix = finding.fix ? ` Fix: ${finding.fix}` : "";
  return `- [${finding.rule}]${where}: ${finding.message}${fix}`;
}

/**
 * The tool result a model gets for a rejected submission (`toolName`, e.g. `submit_spec`): the
 * blocking findings as a compact list (rule, line, message, fix), which repair round this is,
 * and what to do next. Warnings and info findings are only counted: they do not block acceptance.
 */
export function formatFindingsForModel(
  findings: readonly FindingDraft[],
  round: number,
  rounds: number,
  toolName: string,
): string {
  const errors = findings.filter((f) => f.severity === "error");
  const others = findings.length - errors.length;
  const listed = errors.slice(0, MAX_LISTED_FINDINGS).map(describe);
  if (errors.length > listed.length) listed.push(`- …and ${errors.length - listed.length} more`);
  return [
    `The submission was not accepted: ${errors.length} check${errors.length === 1 ? "" : "s"} failed (repair round ${round} of ${rounds}).`,
    ...listed,
    ...(others > 0
      ? [
          `(${others} warning/info finding${others === 1 ? "" : "s"} not listed; they do not block acceptance.)`,
        ]
      : []),
    `Fix every problem listed, then call ${toolName} again with the whole corrected submission.`,
  ].join("\n");
}
