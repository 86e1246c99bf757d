import { describe, expect, it } from "vitest";
import { implQuestionsRule } from "../../../../src/core/checks/rules/impl-questions.js";
import { GOOD_IMPL_SPEC, implContext, lineOf, variant } from "../impl-fixtures.js";

const run = (text: string) => implQuestionsRule.run(implContext({ "specs/x.md": text }));
const NOTES =
  "## Notes\n\n- The loop stops on the `<promise>` tag.\n\n### Questions for reviewers\n\n- None.\n";
const withNotes = (notes: string) => variant(NOTES, notes);

describe("impl-questions", () => {
  it.each([
    [
      "questions",
      "## Notes\n\n- A note.\n\n### Questions for reviewers\n\n- Should refunds be negative rows?\n",
    ],
    ["an empty list", "## Notes\n\n### Questions for reviewers\n\n- None.\n"],
    ["an Open questions heading", "## Notes\n\n#### Open questions\n\n1. Which carrier API version?\n"],
  ])("accepts a Notes section with %s", (_name, notes) => {
    expect(run(withNotes(notes))).toEqual([]);
  });

  it("accepts the shared good spec", () => {
    expect(run(GOOD_IMPL_SPEC)).toEqual([]);
  });

  it("leaves a missing Notes section to impl-section", () => {
    expect(run(withNotes("## Appendix\n\nNothing.\n"))).toEqual([]);
  });

  it.each([
    ["no questions heading", "## Notes\n\n- A note.\n", "## Notes", /no "Questions for reviewers" list/],
    [
      "a heading without a list",
      "## Notes\n\n### Questions for reviewers\n\nNone that I can think of.\n",
      "### Questions for reviewers",
      /has no list/,
    ],
    [
      "questions outside Notes",
      "## Notes\n\n- A note.\n\n## Appendix\n\n### Questions for reviewers\n\n- Why?\n",
      "## Notes",
      /no "Questions for reviewers" list/,
    ],
  ])("warns about %s", (_name, notes, at, message) => {
    const text = withNotes(notes);
    const findings = run(text);
    expect(findings).toEqual([
      expect.objectContaining({
        rule: "impl-questions",
        severity: "warning",
        file: "specs/x.md",
        line: lineOf(text, at),
        message: expect.stringMatching(message),
        specs: ["specs/x.md"],
      }),
    ]);
    expect(findings[0]?.fix).toContain("- None.");
  });
});
