import { describe, expect, it } from "vitest";
import { resolveTreeEntries, type GitTreeEntry } from "../../../src/core/files/resolve-tree-entries.js";

const sha = (n: number) => n.toString(16).padStart(40, "0");
const file = (path: string, n: number, size: number): GitTreeEntry => ({
  path,
  mode: "100644",
  type: "blob",
  sha: sha(n),
  size,
});
/** Symlink blob id → the target stored in it. */
const linkTargets: Record<string, string> = {};
const link = (path: string, n: number, target: string): GitTreeEntry => {
  linkTargets[sha(n)] = target;
  return { path, mode: "120000", type: "blob", sha: sha(n), size: target.length };
};

describe("resolveTreeEntries", () => {
  const entries: GitTreeEntry[] = [
    file("src/app.ts", 1, 120),
    { path: "src/run.sh", mode: "100755", type: "blob", sha: sha(2), size: 30 },
    { path: "src", mode: "040000", type: "tree", sha: sha(3) },
    { path: "vendor/lib", mode: "160000", type: "commit", sha: sha(4) },
    file("docs/specs/v2.md", 5, 900),
    link("docs/latest.md", 10, "specs/v2.md"),
    link("README.md", 11, "docs/latest.md"),
    link("passwd", 12, "../../etc/passwd"),
    link("docs/sneaky.md", 13, "../passwd"),
    link("docs/dir-link", 14, "specs"),
    link("dangling", 15, "nowhere.md"),
    link("loop-a", 16, "loop-b"),
    link("loop-b", 17, "loop-a"),
    link("abs", 18, "/home/me/notes.md"),
    { path: "a/../escape.md", mode: "100644", type: "blob", sha: sha(19), size: 3 },
  ];

  it("lists regular files and links to files, sorted, skipping trees, submodules and odd paths", async () => {
    const read: string[] = [];
    const tree = await resolveTreeEntries(entries, async (entry) => {
      read.push(entry.path);
      return linkTargets[entry.sha] ?? "";
    });
    expect(tree.files).toEqual([
      { path: "README.md", size: 900, blobSha: sha(5) },
      { path: "docs/latest.md", size: 900, blobSha: sha(5) },
      { path: "docs/specs/v2.md", size: 900, blobSha: sha(5) },
      { path: "src/app.ts", size: 120, blobSha: sha(1) },
      { path: "src/run.sh", size: 30, blobSha: sha(2) },
    ]);
    expect(tree.byPath.get("README.md")?.blobSha).toBe(sha(5));
    // Every symlink's target is read once; regular files are not read at all.
    expect(read.sort()).toEqual(
      entries
        .filter((e) => e.mode === "120000")
        .map((e) => e.path)
        .sort(),
    );
  });

  it("refuses links that leave the repository, directly, through another link, or absolutely", async () => {
    const tree = await resolveTreeEntries(entries, async (entry) => linkTargets[entry.sha] ?? "");
    expect([...tree.refused.keys()].sort()).toEqual(["abs", "docs/sneaky.md", "passwd"]);
    expect(tree.refused.get("passwd")).toMatch(/"..\/..\/etc\/passwd", outside the repository/);
    expect(tree.refused.get("docs/sneaky.md")).toMatch(/via the symlink "passwd"/);
    for (const left of ["docs/dir-link", "dangling", "loop-a", "loop-b"])
      expect(tree.byPath.has(left)).toBe(false);
  });

  it("does not read a symlink target longer than a path can be", async () => {
    const huge: GitTreeEntry = { path: "big-link", mode: "120000", type: "blob", sha: sha(30), size: 10_000 };
    const tree = await resolveTreeEntries([huge], () => Promise.reject(new Error("must not be read")));
    expect(tree.files).toEqual([]);
  });
});
