import { describe, expect, it } from "vitest";
import type { SourceLine } from "../../../src/core/import/import-types.js";
import { parseReviewBlock } from "../../../src/core/import/parse-review-block.js";

const lines = (...texts: string[]): SourceLine[] => texts.map((text, i) => ({ text, line: 20 + i }));

describe("parseReviewBlock", () => {
  it.each([
    ["- Write the results to docs/specs/consistency-review.md", "docs/specs/consistency-review.md"],
    ["Write the results to `docs/review.md`.", "docs/review.md"],
    ["write your findings into reports/consistency.md", "reports/consistency.md"],
    ["- Write the review to docs/specs/review/consistency.md and stop", "docs/specs/review/consistency.md"],
  ])("reads the output file from %j", (text, output) => {
    const result = parseReviewBlock(lines("CHECK FOR:", text), 18);
    expect(result.output).toBe(output);
    expect(result.warnings).toEqual([]);
  });

  it("reads the project name", () => {
    const result = parseReviewBlock(
      lines("You are performing a consistency review of 6 system specs for the Lantern codebase."),
      18,
    );
    expect(result.project).toBe("Lantern");
  });

  it("warns (at the heading) when no output file is named", () => {
    expect(parseReviewBlock(lines("Check everything."), 18)).toEqual({
      output: undefined,
      project: undefined,
      warnings: [{ line: 18, message: expect.stringMatching(/names no output file/) }],
    });
  });

  it("warns (at the line) when the output file leaves the repository", () => {
    const result = parseReviewBlock(lines("x", "Write the results to ../elsewhere.md"), 18);
    expect(result.output).toBeUndefined();
    expect(result.warnings).toEqual([{ line: 21, message: expect.stringMatching(/leaves the repository/) }]);
  });
});
