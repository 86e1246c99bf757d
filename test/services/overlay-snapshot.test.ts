import { describe, expect, it } from "vitest";
import { overlaySnapshot } from "../../src/services/overlay-snapshot.js";
import { createMemorySnapshot } from "../helpers/memory-snapshot.js";

describe("overlaySnapshot", () => {
  const base = createMemorySnapshot({ "docs/specs/a.md": "old a", "src/x.ts": "x" }, { sha: "abc" });

  it("shows written files over the base commit and keeps the rest", async () => {
    const written = new Map([["docs/specs/a.md", "new a"]]);
    const snap = overlaySnapshot(base, written);
    written.set("docs/specs/b.md", "new b");
    expect(snap.sha).toBe("abc");
    expect((await snap.listFiles()).map((f) => [f.path, f.size])).toEqual([
      ["docs/specs/a.md", 5],
      ["docs/specs/b.md", 5],
      ["src/x.ts", 1],
    ]);
    expect(await snap.readFile("./docs/specs/a.md")).toEqual({
      kind: "text",
      path: "docs/specs/a.md",
      text: "new a",
      size: 5,
    });
    expect(await snap.readFile("src/x.ts")).toMatchObject({ kind: "text", text: "x" });
  });

  it("still refuses paths that leave the repository", async () => {
    await expect(overlaySnapshot(base, new Map()).readFile("../etc/passwd")).rejects.toThrow(/Refused path/);
  });
});
