import { describe, expect, it } from "vitest";
import { RULE_IDS } from "../../../src/core/checks/types.js";
import { categoryOfRule, FINDING_CATEGORIES } from "../../../src/core/render/finding-categories.js";

describe("finding categories", () => {
  it("starts with the seven categories of the consistency review, in its order", () => {
    expect(FINDING_CATEGORIES.slice(0, 7).map((c) => c.name)).toEqual([
      "Overlapping ownership",
      "Contradictory statements",
      "Broken cross-references",
      "Glossary violations",
      "Missing cross-references",
      "Depth imbalance",
      "Status disagreements",
    ]);
  });

  it("puts every rule in exactly one category", () => {
    const listed = FINDING_CATEGORIES.flatMap((c) => c.rules);
    expect([...listed].sort()).toEqual([...RULE_IDS].sort());
  });

  it.each([
    ["ownership-overlap", "ownership-overlap"],
    ["anchor-unresolved", "citations"],
    ["template-section", "template"],
    ["impl-promise", "implementation"],
    ["impl-questions", "implementation"],
    ["status-vocabulary", "status-disagreements"],
    ["some-future-rule", "other"],
    ["toString", "other"],
  ])("categoryOfRule(%s) is %s", (rule, category) => {
    expect(categoryOfRule(rule).id).toBe(category);
  });
});
