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
      {
        rules: ["Cite files"],
        lines: { min: 300, max: 600 },
        extras: [[], []],
        hasTarget: [true, true],
        ownLines: [undefined, undefined],
      },
    ],
    [
      "an extra rule stays with its agent",
      [["Cite files"], ["Cite files", "Keep it short"]],
      {
        rules: ["Cite files"],
        lines: undefined,
        extras: [[], ["Keep it short"]],
        hasTarget: [false, false],
        ownLines: [undefined, undefined],
      },
    ],
    [
      "the most common target wins; another target becomes that agent's own",
      [["Target 350-550 lines"], ["Target 350–550 lines."], ["Target 200-400 lines"]],
      {
        rules: [],
        lines: { min: 350, max: 550 },
        extras: [[], [], []],
        hasTarget: [true, true, true],
        ownLines: [undefined, undefined, { min: 200, max: 400 }],
      },
    ],
    [
      "an agent without RULES does not empty the shared list",
      [["Cite files"], []],
      {
        rules: ["Cite files"],
        lines: undefined,
        extras: [[], []],
        hasTarget: [false, false],
        ownLines: [undefined, undefined],
      },
    ],
    [
      "a rule missing from one agent is not shared",
      [["A", "B"], ["B"]],
      {
        rules: ["B"],
        lines: undefined,
        extras: [["A"], []],
        hasTarget: [false, false],
        ownLines: [undefined, undefined],
      },
    ],
    [
      "a reversed range is not a target",
      [["Target 600-300 lines"]],
      {
        rules: ["Target 600-300 lines"],
        lines: undefined,
        extras: [[]],
        hasTarget: [false],
        ownLines: [undefined],
      },
    ],
    [
      "a target with extra words stays a rule",
      [["Target 300-600 lines, more for big areas"]],
      {
        rules: ["Target 300-600 lines, more for big areas"],
        lines: undefined,
        extras: [[]],
        hasTarget: [false],
        ownLines: [undefined],
      },
    ],
    ["no agents", [], { rules: [], lines: undefined, extras: [], hasTarget: [], ownLines: [] }],
  ])("%s", (_name, perAgent, expected) => {
    expect(deriveSharedRules(perAgent)).toEqual(expected);
  });
});
