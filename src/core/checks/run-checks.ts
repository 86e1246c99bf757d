import { createHash } from "node:crypto";
import { findingId } from "./finding-id.js";
import { IMPLEMENTATION_RULES } from "./implementation-rules.js";
import { SYSTEM_RULES } from "./system-rules.js";
import { compareFindings } from "./compare-findings.js";
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
 * A file reported unreadable (an `input` error) is not also reported as missing by the rules
 * that needed it (their `input` info notes): one finding per file, not two contradictory ones.
 */
function dropContradictions(drafts: readonly FindingDraft[]): FindingDraft[] {
  const unreadable = new Set(
    drafts.filter((d) => d.rule === "input" && d.severity === "error").map((d) => d.file),
  );
  return drafts.filter((d) => !(d.rule === "input" && d.severity === "info" && unreadable.has(d.file)));
}

/**
 * Gives findings that share an id but say different things distinct ids: the first keeps the plain
 * id, later ones get `-` and 4 hex digits of their message's hash (stable while the message is).
 * Findings with the same id and message are duplicates: the first (in file/line order) is kept.
 */
function disambiguate(sorted: readonly Finding[]): Finding[] {
  const firstById = new Map<string, Finding>();
  const messages = new Set<string>();
  const out: Finding[] = [];
  for (const f of sorted) {
    const first = firstById.get(f.id);
    if (!first) {
      firstById.set(f.id, f);
      messages.add(`${f.id}\u0000${f.message}`);
      out.push(f);
      continue;
    }
    const key = `${f.id}\u0000${f.message}`;
    if (messages.has(key)) continue;
    messages.add(key);
    const suffix = createHash("sha256").update(f.message).digest("hex").slice(0, 4);
    out.push({ ...f, id: `${f.id}-${suffix}` });
  }
  return out;
}

/**
 * Runs the checker's rules over a prepared context. Pure and total: a rule that throws becomes
 * an `input` error naming the rule instead of crashing the run. Findings get stable ids and are
 * sorted by file, line, rule; exact duplicates (same id and message) are dropped, distinct findings
 * that collide on an id are all kept with disambiguated ids.
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
  const findings = dropContradictions(drafts)
    .map((d) => ({ id: findingId(d), ...d }))
    .sort(compareFindings);
  return disambiguate(findings);
}
