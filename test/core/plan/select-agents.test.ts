import { describe, expect, it } from "vitest";
import { selectAgents } from "../../../src/core/plan/select-agents.js";

const order = ["agent-contract", "sandbox-providers", "sessions-gateway", "billing", "cli"];
const deps = new Map<string, string[]>([
  ["agent-contract", []],
  ["sandbox-providers", []],
  ["sessions-gateway", ["agent-contract", "sandbox-providers"]],
  ["billing", ["sessions-gateway"]],
  ["cli", []],
]);

describe("selectAgents", () => {
  it.each([
    { names: [], withDependents: false, selected: order },
    { names: ["all"], withDependents: false, selected: order },
    { names: ["billing", "agent-contract"], withDependents: false, selected: ["agent-contract", "billing"] },
    {
      names: ["agent-contract"],
      withDependents: true,
      selected: ["agent-contract", "sessions-gateway", "billing"],
    },
    { names: ["cli"], withDependents: true, selected: ["cli"] },
  ])("selects $names (dependents: $withDependents)", ({ names, withDependents, selected }) => {
    const result = selectAgents(order, deps, { names, withDependents });
    expect(result.selected).toEqual(selected);
    expect(result.problems).toEqual([]);
  });

  it("reports unknown names with a did-you-mean and the known names", () => {
    const result = selectAgents(order, deps, { names: ["sesions-gateway", "zzz"], withDependents: false });
    expect(result.selected).toEqual([]);
    expect(result.problems.map((p) => p.kind)).toEqual(["unknown-agent", "unknown-agent"]);
    expect(result.problems[0]?.message).toContain('Did you mean "sessions-gateway"?');
    expect(result.problems[1]?.message).not.toContain("Did you mean");
    expect(result.problems[1]?.message).toContain("Known agents: agent-contract, sandbox-providers");
  });
});
