import { describe, expect, it } from "vitest";
import { PathEscapeError } from "../../../src/core/errors.js";
import { resolveSymlinkTarget } from "../../../src/core/files/resolve-symlink-target.js";

describe("resolveSymlinkTarget", () => {
  it.each([
    ["README.md", "docs/intro.md", "docs/intro.md"],
    ["docs/latest.md", "v2.md", "docs/v2.md"],
    ["docs/specs/current.md", "../archive/old.md", "docs/archive/old.md"],
    ["a/b/c", "../../x", "x"],
    ["link", "./target", "target"],
  ])("%s -> %s resolves to %s", (link, target, expected) => {
    expect(resolveSymlinkTarget(link, target)).toBe(expected);
  });

  it.each([
    ["passwd", "../../etc/passwd", /outside the repository/],
    ["docs/x", "../../outside.md", /outside the repository/],
    ["docs/x", "../../repo/docs/y.md", /outside the repository/],
    ["abs", "/etc/passwd", /absolute path/],
    ["win", "C:\\Windows\\win.ini", /absolute path/],
    ["empty", "", /empty target/],
  ])("refuses %s -> %j", (link, target, reason) => {
    expect(() => resolveSymlinkTarget(link, target)).toThrow(PathEscapeError);
    expect(() => resolveSymlinkTarget(link, target)).toThrow(reason);
    expect(() => resolveSymlinkTarget(link, target)).toThrow(`Refused path "${link}"`);
  });
});
