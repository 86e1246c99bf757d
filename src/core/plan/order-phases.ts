import type { PlanProblem } from "./plan-types.js";

export interface PhaseOrder {
  /** name → effective phase (1-based). Agents on a cycle get no phase. */
  phases: Map<string, number>;
  problems: PlanProblem[];
}

/**
 * Assigns every agent a phase: its declared phase, or one more than its latest dependency.
 * A declared phase that is not after all its dependencies is reported (`phase-order`) and
 * moved later so the plan stays runnable. Dependency cycles are reported once each, with the
 * full loop (`a → b → a`), and the agents on them are left out.
 *
 * @param order agent names in config order (results and problems follow it)
 */
export function orderPhases(
  order: readonly string[],
  dependsOn: ReadonlyMap<string, readonly string[]>,
  declared: ReadonlyMap<string, number | undefined>,
): PhaseOrder {
  const problems: PlanProblem[] = [];
  const phases = new Map<string, number>();
  const state = new Map<string, "visiting" | "done" | "cyclic">();
  const reportedCycles = new Set<string>();

  const visit = (name: string, stack: string[]): number | undefined => {
    const s = state.get(name);
    if (s === "done") return phases.get(name);
    if (s === "cyclic") return undefined;
    if (s === "visiting") {
      const loop = [...stack.slice(stack.indexOf(name)), name];
      const key = [...new Set(loop)].sort().join(",");
      if (!reportedCycles.has(key)) {
        reportedCycles.add(key);
        problems.push({
          kind: "cycle",
          severity: "error",
          message: `Dependency cycle: ${loop.join(" → ")}. Remove one of these dependencies (dependsOn or reads).`,
          agent: name,
          path: undefined,
        });
      }
      for (const member of loop) state.set(member, "cyclic");
      return undefined;
    }
    state.set(name, "visiting");
    let required = 1;
    let latestDep: string | undefined;
    for (const dep of dependsOn.get(name) ?? []) {
      const depPhase = visit(dep, [...stack, name]);
      if (depPhase === undefined) {
        if (state.get(name) !== "cyclic") state.set(name, "cyclic");
        continue;
      }
      if (depPhase + 1 > required) {
        required = depPhase + 1;
        latestDep = dep;
      }
    }
    if (state.get(name) === "cyclic") return undefined;
    const wanted = declared.get(name);
    let phase = required;
    if (wanted !== undefined) {
      if (wanted < required && latestDep) {
        problems.push({
          kind: "phase-order",
          severity: "error",
          message: `Agent "${name}" is in phase ${wanted} but depends on "${latestDep}" in phase ${required - 1}. Move it to phase ${required} or later, or drop the dependency.`,
          agent: name,
          path: undefined,
        });
      }
      phase = Math.max(wanted, required);
    }
    phases.set(name, phase);
    state.set(name, "done");
    return phase;
  };

  for (const name of order) visit(name, []);
  return { phases, problems };
}
