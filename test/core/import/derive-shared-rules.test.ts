import { describe, expect, it } from "vitest";
import { deriveSharedRules } from "../../../src/core/import/derive-shared-rules.js";

describe("deriveSharedRules", () => {
  it.each([
    [
      "identical lists: all shared, target extracted",
      [
        ["Cite files", "Target 300-600 lines"],
        ["Cite files", "Target 300-600 lines"],
      ],
      { rules: ["Cite files"], lines: { min: 300, max: 600 }, extras: [[], []], hasTarget: [true, true] },
    ],
    [
      "an extra rule stays with its agent",
      [["Cite files"], ["Cite files", "Keep it short"]],
      { rules: ["Cite files"], lines: undefined, extras: [[], ["Keep it short"]], hasTarget: [false, false] },
    ],
    [
      "the most common target wins; another target stays an extra",
      [["Target 350-550 lines"], ["Target 350–550 lines."], ["Target 200-400 lines"]],
      {
        rules: [],
        lines: { min: 350, max: 550 },
        extras: [[], [], ["Target 200-400 lines"]],
        hasTarget: [true, true, true],
      },
    ],
    [
      "an agent without RULES does not empty the shared list",
      [["Cite files"], []],
      { rules: ["Cite files"], lines: undefined, extras: [[], []], hasTarget: [false, false] },
    ],
    [
      "a rule missing from one agent is not shared",
      [["A", "B"], ["B"]],
      { rules: ["B"], lines: undefined, extras: [["A"], []], hasTarget: [false, false] },
    ],
    [
      "a reversed range is not a target",
      [["Target 600-300 lines"]],
      { rules: ["Target 600-300 lines"], lines: undefined, extras: [[]], hasTarget: [false] },
    ],
    [
      "a target with extra words stays a rule",
      [["Target 300-600 lines, more for big areas"]],
      {
        rules: ["Target 300-600 lines, more for big areas"],
        lines: undefined,
        extras: [[]],
        hasTarget: [false],
      },
    ],
    ["no agents", [], { rules: [], lines: undefined, extras: [], hasTarget: [] }],
  ])("%s", (_name, perAgent, expected) => {
    expect(deriveSharedRules(perAgent)).toEqual(expected);
  });
});
