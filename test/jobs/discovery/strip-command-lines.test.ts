import { describe, expect, it } from "vitest";
import { stripCommandLines } from "../../../src/jobs/discovery/strip-command-lines.js";

describe("stripCommandLines", () => {
  it.each([
    ["a command line between prose", "Before.\n/spec regenerate spec-12-login\nAfter.", "Before.\nAfter."],
    ["a command alone", "/spec regenerate spec-12-login", ""],
    [
      "a revise command: later lines are discussion, kept",
      "/spec revise shorter\nThe limit is 20.",
      "The limit is 20.",
    ],
    [
      "a command in a code block",
      "Run:\n```\n/spec regenerate all\n```",
      "Run:\n```\n/spec regenerate all\n```",
    ],
    [
      "a quoted command",
      "> /spec regenerate all\nWhy did that run?",
      "> /spec regenerate all\nWhy did that run?",
    ],
    ["prose mentioning /specs", "/specs are in docs/specs.", "/specs are in docs/specs."],
    ["several commands", "/spec check\nMiddle\n/spec plan", "Middle"],
  ])("%s", (_name, body, expected) => {
    expect(stripCommandLines(body)).toBe(expected);
  });
});
