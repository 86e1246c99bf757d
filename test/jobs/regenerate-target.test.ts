import { describe, expect, it } from "vitest";
import { regenerateTarget } from "../../src/jobs/regenerate-target.js";

const issue = { number: 12, title: "Gift wrapping", isPullRequest: false };
const pull = { number: 40, title: "Spec: Gift wrapping", isPullRequest: true };
const system = { kind: "system", branch: "specwright/system-specs" };

describe("regenerateTarget", () => {
  it.each<[string, typeof issue, string[], object]>([
    [
      "the issue's own spec",
      issue,
      ["spec-12-gift-wrapping"],
      { kind: "implementation", target: "spec-12-gift-wrapping", branch: "specwright/spec-12-gift-wrapping" },
    ],
    [
      "the issue's own spec, repeated",
      issue,
      ["spec-12-gift-wrapping", "spec-12-gift-wrapping"],
      { kind: "implementation" },
    ],
    ["another spec-… name on an issue (an agent called spec-foo)", issue, ["spec-foo"], system],
    ["the issue's spec mixed with agents", issue, ["spec-12-gift-wrapping", "catalog"], system],
    ["agents", issue, ["catalog", "cart"], system],
    ["all", issue, ["all"], system],
    [
      "one spec-… name on a pull request",
      pull,
      ["spec-gift-wrapping"],
      { kind: "implementation", target: "spec-gift-wrapping", branch: "specwright/spec-gift-wrapping" },
    ],
    ["agents on a pull request", pull, ["catalog"], system],
  ])("%s", (_name, conversation, names, expected) => {
    expect(regenerateTarget(conversation, names)).toMatchObject(expected);
  });
});
