import { findingId } from "./finding-id.js";
import { IMPLEMENTATION_RULES } from "./implementation-rules.js";
import { SYSTEM_RULES } from "./system-rules.js";
import type { CheckContext, CheckRule, Finding, FindingDraft, RuleId } from "./types.js";

/** Options of `runChecks`. */
export interface RunChecksOptions {
  /** Run only these rules (default: all). */
  rules?: readonly RuleId[];
  /** Findings produced while loading the input (rule `input`), merged into the result. */
  inputFindings?: readonly FindingDraft[];
  /** Rules to run instead of the built-in system and implementation rules (for tests). */
  ruleSet?: readonly CheckRule[];
}

/** Every built-in rule, system rules first. */
export const ALL_RULES: readonly CheckRule[] = [...SYSTEM_RULES, ...IMPLEMENTATION_RULES];

function compareFindings(a: Finding, b: Finding): number {
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return (
    cmp(a.file, b.file) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    cmp(a.rule, b.rule) ||
    cmp(a.message, b.message) ||
    cmp(a.id, b.id)
  );
}

function crashFinding(rule: CheckRule, ctx: CheckContext, error: unknown): FindingDraft {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    rule: "input",
    severity: "error",
    file: ctx.systemSpecs.specsDir,
    line: undefined,
    message: `The ${rule.id} check failed on this input and was skipped: ${reason}`,
    subjects: [rule.id],
    specs: [],
    fix: "This is a bug in Specwright; please report it with the spec that triggers it. The other checks ran normally.",
  };
}

/**
 * Runs the checker's rules over a prepared context. Pure and total: a rule that throws becomes
 * an `input` error naming the rule instead of crashing the run. Findings get stable ids, are
 * de-duplicated by id (the first occurrence in file/line order wins) and sorted by file, line, rule.
 */
export function runChecks(ctx: CheckContext, options: RunChecksOptions = {}): Finding[] {
  const wanted = options.rules ? new Set<RuleId>(options.rules) : undefined;
  const rules = (options.ruleSet ?? ALL_RULES).filter((r) => !wanted || wanted.has(r.id));
  const drafts: FindingDraft[] = [...(options.inputFindings ?? [])];
  for (const rule of rules) {
    try {
      drafts.push(...rule.run(ctx));
    } catch (error) {
      drafts.push(crashFinding(rule, ctx, error));
    }
  }
  const findings = drafts.map((d) => ({ id: findingId(d), ...d })).sort(compareFindings);
  const seen = new Set<string>();
  return findings.filter((f) => (seen.has(f.id) ? false : (seen.add(f.id), true)));
}
