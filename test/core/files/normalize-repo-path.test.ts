import { describe, expect, it } from "vitest";
import { PathEscapeError } from "../../../src/core/errors.js";
import { normalizeRepoPath } from "../../../src/core/files/normalize-repo-path.js";

describe("normalizeRepoPath", () => {
  it.each([
    ["src/app.ts", "src/app.ts"],
    ["./src/app.ts", "src/app.ts"],
    ["././docs/specs/", "docs/specs"],
    ["src//core///files/x.ts", "src/core/files/x.ts"],
    ["src/./core/./x.ts", "src/core/x.ts"],
    ["src\\core\\x.ts", "src/core/x.ts"],
    [".\\docs\\README.md", "docs/README.md"],
    ["docs/../src/a.ts", "src/a.ts"],
    ["a/b/../../c", "c"],
    ["a/b/..", "a"],
    [".github/specwright.yml", ".github/specwright.yml"],
    ["..foo/bar", "..foo/bar"],
    ["a/...", "a/..."],
    ["file with spaces.md", "file with spaces.md"],
    ["ünïcode/файл.md", "ünïcode/файл.md"],
  ])("normalises %j to %j", (input, expected) => {
    expect(normalizeRepoPath(input)).toBe(expected);
  });

  it.each([
    ["", /empty/],
    [".", /repository root/],
    ["./", /repository root/],
    ["a/..", /repository root/],
    ["..", /climbs above/],
    ["../secrets.txt", /climbs above/],
    ["a/../../b", /climbs above/],
    ["docs/../../repo/docs", /climbs above/],
    ["..\\..\\etc\\passwd", /climbs above/],
    ["/etc/passwd", /absolute/],
    ["\\Windows\\win.ini", /absolute/],
    ["\\\\server\\share\\file", /absolute/],
    ["//server/share", /absolute/],
    ["C:\\Users\\me\\file.txt", /drive-letter/],
    ["c:/x", /drive-letter/],
    ["D:relative.txt", /drive-letter/],
    ["src/a\u0000.ts", /NUL/],
  ])("refuses %j", (input, reason) => {
    let caught: unknown;
    try {
      normalizeRepoPath(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PathEscapeError);
    expect((caught as PathEscapeError).message).toMatch(reason);
    expect((caught as PathEscapeError).hint).toMatch(/relative to the repository root/);
  });

  it("shows a NUL byte visibly in the error instead of embedding it", () => {
    expect(() => normalizeRepoPath("a\u0000b")).toThrow('Refused path "a\\x00b"');
  });
});
