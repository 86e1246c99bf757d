/** Rules shared by every agent, the target length, and what is left over per agent. */
export interface SharedRules {
  /** Rules present in every agent that has a RULES list, in the first agent's order. */
  rules: string[];
  /** From a "Target N-M lines" rule, when one is found. */
  lines: { min: number; max: number } | undefined;
  /** Per agent (same order as the input): its rules that are not shared. */
  extras: string[][];
  /** Per agent: whether its rules state a "Target N-M lines" of their own. */
  hasTarget: boolean[];
  /** Per agent: its own target when it differs from the shared `lines` (its rule is then dropped). */
  ownLines: ({ min: number; max: number } | undefined)[];
}

const LINES_RE = /^target\s+(?:length\s*:?\s*)?(\d+)\s*(?:-|–|—|to)\s*(\d+)\s+lines\.?$/i;

function targetOf(rule: string): { min: number; max: number } | undefined {
  const m = LINES_RE.exec(rule.trim());
  if (!m) return undefined;
  const min = Number(m[1]);
  const max = Number(m[2]);
  return min >= 1 && min <= max ? { min, max } : undefined;
}

/**
 * Splits the agents' RULES lists into shared rules and per-agent extras. The most common
 * "Target N-M lines" rule becomes the target length; an agent with a different target gets it
 * as its own `lines`.
 */
export function deriveSharedRules(perAgent: readonly (readonly string[])[]): SharedRules {
  const counts = new Map<string, number>();
  for (const rules of perAgent) {
    const target = rules.map(targetOf).find((t) => t !== undefined);
    if (target)
      counts.set(`${target.min}-${target.max}`, (counts.get(`${target.min}-${target.max}`) ?? 0) + 1);
  }
  const best = [...counts.entries()].reduce<[string, number] | undefined>(
    (acc, entry) => (acc === undefined || entry[1] > acc[1] ? entry : acc),
    undefined,
  );
  const [min, max] = best ? best[0].split("-").map(Number) : [];
  const lines = min !== undefined && max !== undefined ? { min, max } : undefined;
  const isChosenTarget = (rule: string) => {
    const t = targetOf(rule);
    return lines !== undefined && t?.min === lines.min && t.max === lines.max;
  };

  const remaining = perAgent.map((rules) => [...new Set(rules.filter((r) => targetOf(r) === undefined))]);
  const withRules = remaining.filter((_, i) => (perAgent[i]?.length ?? 0) > 0);
  const shared = (withRules[0] ?? []).filter((rule) => withRules.every((rules) => rules.includes(rule)));
  return {
    rules: shared,
    lines,
    extras: remaining.map((rules) => rules.filter((r) => !shared.includes(r))),
    hasTarget: perAgent.map((rules) => rules.some((r) => targetOf(r) !== undefined)),
    ownLines: perAgent.map((rules) => {
      const own = rules.map(targetOf).find((t) => t !== undefined);
      return own && !rules.some(isChosenTarget) ? own : undefined;
    }),
  };
}
