import { describe, expect, it } from "vitest";
import { checkBranchName, checkRepoPath } from "../../../../src/adapters/github/host/check-host-input.js";

describe("checkBranchName", () => {
  it.each(["main", "specwright/spec-login", "specwright/system-specs", "release-1.2", "a_b/c.d"])(
    "accepts %s",
    (name) => {
      expect(() => checkBranchName(name)).not.toThrow();
    },
  );

  it.each([
    "",
    "a b",
    "a..b",
    "/a",
    "a/",
    "a.",
    ".a",
    "a/.b",
    "a.lock",
    "a//b",
    "a~1",
    "a^",
    "a:b",
    "a?",
    "a*",
    "a[b",
    "a\\b",
    "@",
    "a@{1}",
    "a\tb",
  ])("refuses %j", (name) => {
    expect(() => checkBranchName(name)).toThrow(/not a valid branch name/);
  });
});

describe("checkRepoPath", () => {
  it.each(["specs/login.md", "docs/My Spec.md", ".github/specwright.yml", "a"])("accepts %s", (path) => {
    expect(() => checkRepoPath(path)).not.toThrow();
  });

  it.each(["", "/a", "a/", "a//b", "./a", "a/../b", "..", ".git/HEAD", "a\\b", "a\u0000b", "a\nb"])(
    "refuses %j",
    (path) => {
      expect(() => checkRepoPath(path)).toThrow(/not a repository-relative file path/);
    },
  );
});
