import type { CheckContext, CheckRule, FindingDraft, SpecDocument } from "../types.js";
import { checkAnchor } from "./check-anchor.js";
import { citationsToCheck } from "./citations-to-check.js";
import { describeAnchorProblem } from "./describe-anchor-problem.js";

function checkDoc(doc: SpecDocument, ctx: CheckContext): FindingDraft[] {
  const findings: FindingDraft[] = [];
  const seen = new Set<string>();
  for (const c of citationsToCheck(doc, ctx.files)) {
    if (!c.anchor || c.exempt || !ctx.files.hasFile(c.path)) continue;
    const problem = checkAnchor(c, ctx.sources.get(c.path));
    if (!problem) continue;
    const base = { rule: "anchor-unresolved" as const, file: doc.path, line: c.line, specs: [doc.path] };
    if (problem.kind === "unreadable") {
      if (seen.has(c.path)) continue;
      seen.add(c.path);
      findings.push({
        ...base,
        severity: "info",
        message: `Could not check the anchors into \`${c.path}\`: ${problem.reason}.`,
        subjects: [`unreadable:${c.path}`],
        fix: `Nothing to do unless the anchor is wrong; cite a text file if you want the citation verified.`,
      });
      continue;
    }
    const { message, fix, subject } = describeAnchorProblem(c, problem);
    if (seen.has(subject)) continue;
    seen.add(subject);
    findings.push({ ...base, severity: "error", message, subjects: [subject], fix });
  }
  return findings;
}

/**
 * `anchor-unresolved`: a `path:identifier` or `path:12-40` citation that does not resolve in the file.
 * In implementation specs only the Reference Files are checked: the plan describes code still to be written.
 */
export const anchorUnresolvedRule: CheckRule = {
  id: "anchor-unresolved",
  description: "A path:identifier or path:line citation whose identifier or lines are not in the file.",
  run(ctx: CheckContext): FindingDraft[] {
    return [...ctx.specs, ...ctx.implSpecs].flatMap((doc) => checkDoc(doc, ctx));
  },
};
