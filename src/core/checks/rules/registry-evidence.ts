import { extractCitations } from "../../markdown/extract-citations.js";
import { hasKnownExtension } from "../../markdown/parse-path-token.js";
import type { CheckContext, CheckRule, FindingDraft } from "../types.js";
import { describeAnchorProblem } from "./describe-anchor-problem.js";
import { checkAnchor } from "./check-anchor.js";
import { createPathSuggester } from "./suggest-path.js";

/**
 * `registry-evidence`: an evidence path in the feature registry that does not exist, or whose
 * `path:identifier` / `path:12-40` anchor does not resolve. Rows marked planned / not in git are skipped.
 * (A missing registry is reported once by `status-mismatch`.)
 */
export const registryEvidenceRule: CheckRule = {
  id: "registry-evidence",
  description: "A feature-registry evidence path that does not exist, or whose anchor does not resolve.",
  run(ctx: CheckContext): FindingDraft[] {
    const registry = ctx.registry;
    if (!registry) return [];
    const suggester = createPathSuggester(ctx.files);
    const findings: FindingDraft[] = [];
    const seen = new Set<string>();
    const base = { rule: "registry-evidence" as const, file: registry.path, specs: [registry.path] };
    for (const c of extractCitations(registry)) {
      if (c.exempt) continue;
      const exists = c.isDirectory ? ctx.files.hasDirectory(c.path) : ctx.files.exists(c.path);
      if (!exists) {
        const bare = !c.path.includes("/");
        if (bare && (c.path.endsWith(".md") || suggester.hasBasename(c.path))) continue;
        if (
          !bare &&
          !c.isDirectory &&
          !hasKnownExtension(c.path) &&
          !ctx.files.hasDirectory(c.path.split("/")[0] ?? "")
        ) {
          continue;
        }
        if (seen.has(c.path)) continue;
        seen.add(c.path);
        const hints = suggester.suggest(c.path).filter((h) => h !== c.path);
        findings.push({
          ...base,
          severity: "error",
          line: c.line,
          message: `Evidence path \`${c.path}\` does not exist at this commit.`,
          subjects: [c.path],
          fix:
            hints.length > 0
              ? `Correct the path: did you mean ${hints.map((h) => `\`${h}\``).join(" or ")}?`
              : `Point the row at the code that implements the feature, or mark the feature Planned if it does not exist yet.`,
        });
        continue;
      }
      if (!c.anchor || !ctx.files.hasFile(c.path)) continue;
      const problem = checkAnchor(c, ctx.sources.get(c.path));
      if (!problem || problem.kind === "unreadable") continue;
      const { message, fix, subject } = describeAnchorProblem(c, problem);
      if (seen.has(subject)) continue;
      seen.add(subject);
      findings.push({
        ...base,
        severity: "error",
        line: c.line,
        message: `Evidence anchor: ${message}`,
        subjects: [subject],
        fix,
      });
    }
    return findings;
  },
};
