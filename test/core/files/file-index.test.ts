import { describe, expect, it } from "vitest";
import { createFileIndex } from "../../../src/core/files/file-index.js";

const index = createFileIndex([
  { path: "src/a.ts", size: 10 },
  { path: "src/lib/b.ts", size: 20 },
  { path: "src/lib/c.ts" },
  { path: "src.ts" },
  { path: "src-old/x.ts" },
  { path: "README.md", size: 5 },
]);

describe("createFileIndex", () => {
  it.each([
    ["src/a.ts", true, false, true],
    ["./src/a.ts", true, false, true],
    ["src", false, true, true],
    ["src/", false, true, true],
    ["src/lib", false, true, true],
    ["src/li", false, false, false],
    ["src/a", false, false, false],
    ["missing.md", false, false, false],
  ])("%s → file %s, directory %s, exists %s", (path, file, dir, exists) => {
    expect(index.hasFile(path)).toBe(file);
    expect(index.hasDirectory(path)).toBe(dir);
    expect(index.exists(path)).toBe(exists);
  });

  it("lists files under a directory without neighbours that share the prefix", () => {
    expect(index.filesUnder("src")).toEqual(["src/a.ts", "src/lib/b.ts", "src/lib/c.ts"]);
    expect(index.filesUnder("src/lib/")).toEqual(["src/lib/b.ts", "src/lib/c.ts"]);
    expect(index.filesUnder("src/a.ts")).toEqual(["src/a.ts"]);
    expect(index.filesUnder("nope")).toEqual([]);
    expect(index.filesUnder("")).toHaveLength(6);
  });

  it("knows sizes when given", () => {
    expect(index.sizeOf("src/lib/b.ts")).toBe(20);
    expect(index.sizeOf("src/lib/c.ts")).toBeUndefined();
  });
});
