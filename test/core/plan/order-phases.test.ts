import { describe, expect, it } from "vitest";
import { orderPhases } from "../../../src/core/plan/order-phases.js";

type Case = {
  name: string;
  deps: Record<string, string[]>;
  declared?: Record<string, number>;
  phases: Record<string, number>;
  problems: string[];
};

const cases: Case[] = [
  { name: "no dependencies: all phase 1", deps: { a: [], b: [] }, phases: { a: 1, b: 1 }, problems: [] },
  {
    name: "a chain derives phases",
    deps: { c: ["b"], b: ["a"], a: [] },
    phases: { a: 1, b: 2, c: 3 },
    problems: [],
  },
  {
    name: "declared phases without dependencies are kept",
    deps: { a: [], b: [] },
    declared: { a: 1, b: 3 },
    phases: { a: 1, b: 3 },
    problems: [],
  },
  {
    name: "a declared phase too early is reported and moved",
    deps: { a: [], b: ["a"] },
    declared: { a: 2, b: 1 },
    phases: { a: 2, b: 3 },
    problems: ['phase-order: Agent "b" is in phase 1 but depends on "a" in phase 2'],
  },
  {
    name: "a two-agent cycle is reported once with the loop",
    deps: { a: ["b"], b: ["a"], c: [] },
    phases: { c: 1 },
    problems: ["cycle: Dependency cycle: a → b → a"],
  },
  {
    name: "agents depending on a cycle get no phase but no extra report",
    deps: { a: ["b"], b: ["a"], d: ["a"] },
    phases: {},
    problems: ["cycle: Dependency cycle: a → b → a"],
  },
  {
    name: "a self-loop through three agents",
    deps: { x: ["z"], y: ["x"], z: ["y"] },
    phases: {},
    problems: ["cycle: Dependency cycle: x → z → y → x"],
  },
];

describe("orderPhases", () => {
  it.each(cases)("$name", ({ deps, declared = {}, phases, problems }) => {
    const order = Object.keys(deps);
    const result = orderPhases(
      order,
      new Map(Object.entries(deps)),
      new Map(order.map((n) => [n, declared[n]])),
    );
    expect(Object.fromEntries(result.phases)).toEqual(phases);
    expect(result.problems.map((p) => `${p.kind}: ${p.message}`)).toEqual(
      problems.map((p) => expect.stringContaining(p)),
    );
  });
});
