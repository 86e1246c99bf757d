import { extractStatuses } from "../../markdown/extract-statuses.js";
import { normaliseName } from "../../markdown/normalise-name.js";
import { FEATURE_STATUSES } from "../../markdown/read-status.js";
import type { CheckContext, CheckRule, FindingDraft, SpecDocument } from "../types.js";

const ALLOWED = FEATURE_STATUSES.join(" / ");

function checkDoc(doc: SpecDocument): FindingDraft[] {
  const findings: FindingDraft[] = [];
  for (const mention of extractStatuses(doc)) {
    const { status, feature, line, heading, source } = mention;
    if (status.status) continue;
    const what = feature ? `Feature "${feature}"` : "A feature";
    // The value and the table's heading keep two findings about one feature apart (distinct ids).
    const subjects = [
      feature ? `status:${normaliseName(feature)}` : `status-value:${normaliseName(status.raw)}`,
      ...(feature ? [`value:${normaliseName(status.raw)}`] : []),
      ...(source === "table" && heading ? [`in:${normaliseName(heading)}`] : []),
    ];
    findings.push({
      rule: "status-vocabulary",
      severity: "warning",
      file: doc.path,
      line,
      message:
        status.raw === ""
          ? `${what} has no status; use one of ${ALLOWED}.`
          : `${what} has status "${status.raw}", which is not one of ${ALLOWED}.`,
      subjects,
      specs: [doc.path],
      fix: status.suggestion
        ? `Write "${status.suggestion}" instead of "${status.raw}".`
        : `Classify the feature as ${ALLOWED}.`,
    });
  }
  return findings;
}

/** `status-vocabulary`: a feature status (feature tables, `Status: X` lines) outside Implemented / Partial / Planned / Deprecated. */
export const statusVocabularyRule: CheckRule = {
  id: "status-vocabulary",
  description: "A feature status outside Implemented / Partial / Planned / Deprecated.",
  run(ctx: CheckContext): FindingDraft[] {
    const docs = ctx.registry ? [...ctx.specs, ctx.registry] : ctx.specs;
    return docs.flatMap(checkDoc);
  },
};
