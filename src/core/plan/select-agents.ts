import { suggestNames } from "../commands/suggest-names.js";
import type { PlanProblem } from "./plan-types.js";

export interface AgentSelection {
  /** Agent names, or the single word `all`. Empty means all. */
  names: readonly string[];
  /** Also select every agent that (transitively) depends on a selected one. */
  withDependents: boolean;
}

/**
 * Resolves a selection to agent names in config order. Unknown names are reported with
 * "did you mean" suggestions.
 */
export function selectAgents(
  order: readonly string[],
  dependsOn: ReadonlyMap<string, readonly string[]>,
  selection: AgentSelection,
): { selected: string[]; problems: PlanProblem[] } {
  const problems: PlanProblem[] = [];
  const wantAll = selection.names.length === 0 || selection.names.includes("all");
  const chosen = new Set<string>();
  if (wantAll) order.forEach((n) => chosen.add(n));
  else {
    for (const name of selection.names) {
      if (order.includes(name)) chosen.add(name);
      else {
        const s = suggestNames(name, order);
        problems.push({
          kind: "unknown-agent",
          severity: "error",
          message: `No agent is named "${name}".${s.length ? ` Did you mean ${s.map((x) => `"${x}"`).join(" or ")}?` : ""} Known agents: ${order.join(", ") || "(none)"}.`,
          agent: name,
          path: undefined,
        });
      }
    }
  }
  if (selection.withDependents) {
    let grew = true;
    while (grew) {
      grew = false;
      for (const name of order) {
        if (!chosen.has(name) && (dependsOn.get(name) ?? []).some((d) => chosen.has(d))) {
          chosen.add(name);
          grew = true;
        }
      }
    }
  }
  return { selected: order.filter((n) => chosen.has(n)), problems };
}
