import type { ResolvedSystemSpecs } from "../core/config/resolve-config.js";
import type { Plan } from "../core/plan/plan-types.js";
import type { RunResult } from "../core/run/run-result.js";

/**
 * Why a planned system-spec run cannot start, as run failures: every error problem of the plan
 * (unknown agent, cycle, missing key file…), or that no agent is configured at all. Empty when
 * the run can go ahead (warnings do not stop it).
 */
export function planFailures(plan: Plan, systemSpecs: ResolvedSystemSpecs): RunResult["failures"] {
  const errors = plan.problems.filter((p) => p.severity === "error");
  if (errors.length > 0) {
    return errors.map((p) => ({
      ...(p.agent ? { agent: p.agent } : {}),
      message: p.message,
      hint: "Fix .github/specwright.yml (`specwright plan` shows the plan and its problems), then run again.",
    }));
  }
  if (plan.agents.length === 0) {
    return [
      {
        message: `No system-spec agents to run: none are configured, and ${systemSpecs.specsDir}/ has no specs to infer them from.`,
        hint: "List agents under systemSpecs.agents in .github/specwright.yml (`specwright import` converts an agent-prompts file).",
      },
    ];
  }
  return [];
}
