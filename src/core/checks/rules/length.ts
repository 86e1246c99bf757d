import type { CheckContext, CheckRule, FindingDraft, SpecDocument } from "../types.js";

/** Lines of a document, not counting the empty "line" after a final newline. */
function lineCount(doc: SpecDocument): number {
  const n = doc.lines.length;
  return n > 0 && doc.lines[n - 1] === "" ? n - 1 : n;
}

/**
 * `length`: a system spec's line count is outside its target range: the owning agent's `lines`,
 * else `systemSpecs.lines`.
 */
export const lengthRule: CheckRule = {
  id: "length",
  description: "A system spec's line count is outside the configured target range.",
  run(ctx: CheckContext): FindingDraft[] {
    const byFile = new Map(ctx.systemSpecs.agents.map((a) => [a.specFile, a.lines] as const));
    const findings: FindingDraft[] = [];
    for (const doc of ctx.specs) {
      const { min, max } = byFile.get(doc.path) ?? ctx.systemSpecs.lines;
      const count = lineCount(doc);
      if (count >= min && count <= max) continue;
      const short = count < min;
      findings.push({
        rule: "length",
        severity: "warning",
        file: doc.path,
        line: short ? 1 : max + 1,
        message: `The spec has ${count} lines; the target is ${min}–${max}.`,
        subjects: [short ? "too-short" : "too-long"],
        specs: [doc.path],
        fix: short
          ? `Add depth where the spec is thin (about ${min - count} more lines): cite the code for each behaviour, cover edge cases and failure modes.`
          : `Cut about ${count - max} lines: move out-of-scope detail to the owning spec and link to it, and drop repetition.`,
      });
    }
    return findings;
  },
};
