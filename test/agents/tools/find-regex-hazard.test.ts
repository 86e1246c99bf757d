import { describe, expect, it } from "vitest";
import { findRegexHazard } from "../../../src/agents/tools/find-regex-hazard.js";

describe("findRegexHazard", () => {
  it.each([
    "export (async )?function \\w+",
    "createServer\\(",
    "(?:foo|bar)\\.ts",
    "[a-z]+_[A-Z]{2,5}",
    "(ab){3}",
    "\\d+\\.\\d+",
    "a{1,}b*c+",
    "[(]+",
    "(a|b)?",
  ])("accepts %s", (pattern) => {
    expect(findRegexHazard(pattern)).toBeUndefined();
  });

  it.each([
    ["(a+)+$", /repeated group that contains a repeat/],
    ["(x*)*y", /repeated group/],
    ["(a|aa)+b", /repeated group/],
    ["((ab)*c)+", /repeated group/],
    ["(?:\\s*,\\s*\\w+)*", /repeated group/],
    ["(a{2,})*", /repeated group/],
    ["(\\w+)\\s\\1", /backreferences/],
    ["(?<w>\\w+)\\k<w>", /backreferences/],
    [".*a.*b.*c.*d.*e", /open-ended repeats/],
  ])("refuses %s", (pattern, reason) => {
    expect(findRegexHazard(pattern)).toMatch(reason);
  });
});
