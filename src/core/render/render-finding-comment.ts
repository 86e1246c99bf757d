import type { Finding } from "../checks/types.js";
import { redactSecrets } from "../redact-secrets.js";
import { categoryOfRule, SEVERITY_LABEL } from "./finding-categories.js";
import { findingMarker } from "./finding-markers.js";
import { codeSpan, sanitizeInline } from "./sanitize-text.js";

/**
 * The body of a line-anchored review comment for one finding: severity, category and rule, the
 * message, the suggested fix, the other specs involved, and the hidden marker with the finding's
 * stable id (so a rerun updates or resolves this comment instead of posting another).
 */
export function renderFindingComment(finding: Finding): string {
  const category = categoryOfRule(finding.rule);
  const others = finding.specs.filter((spec) => spec !== finding.file);
  const lines = [
    findingMarker(finding.id),
    `**${SEVERITY_LABEL[finding.severity]} · ${category.name}** (${codeSpan(finding.rule)})`,
    "",
    sanitizeInline(finding.message),
  ];
  if (finding.fix.trim() !== "") lines.push("", `**Suggested fix:** ${sanitizeInline(finding.fix)}`);
  if (others.length > 0)
    lines.push(
      "",
      `Also involves: ${others
        .slice(0, 20)
        .map((s) => codeSpan(s))
        .join(", ")}`,
    );
  lines.push("", `<sub>Finding ${codeSpan(finding.id)} · Specwright consistency</sub>`);
  return redactSecrets(lines.join("\n"));
}
