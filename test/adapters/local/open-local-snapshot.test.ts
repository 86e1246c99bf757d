import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openLocalSnapshot } from "../../../src/adapters/local/open-local-snapshot.js";
import { PathEscapeError, SnapshotError } from "../../../src/core/errors.js";

const PNG_BYTES = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
]);
const LIMITS = { maxFileBytes: 1000 };

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" },
  }).trim();
}

function write(root: string, path: string, content: string | Buffer): void {
  mkdirSync(join(root, path, ".."), { recursive: true });
  writeFileSync(join(root, path), content);
}

let base: string;
let repo: string;
let firstSha: string;
let secondSha: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), "specwright-local-"));
  repo = join(base, "widgets");
  mkdirSync(repo);
  git(repo, "init", "--quiet", "--initial-branch=main");
  git(repo, "config", "user.name", "Spec Tester");
  git(repo, "config", "user.email", "tester@example.com");
  git(repo, "config", "commit.gpgsign", "false");
  write(repo, "README.md", "# Widgets v1\n");
  write(repo, "docs/specs/billing.md", "## 1. Scope\n\nBilling runs nightly.\n");
  write(repo, "assets/logo.png", PNG_BYTES);
  write(repo, "data/legacy.csv", Buffer.from("caf\xe9;1\n", "latin1"));
  write(repo, "data/big.json", `[${"1,".repeat(1500)}1]`);
  symlinkSync("specs/billing.md", join(repo, "docs/current.md"));
  symlinkSync("../../etc/passwd", join(repo, "passwd"));
  symlinkSync("/etc/hostname", join(repo, "hostname"));
  symlinkSync("specs", join(repo, "docs/all-specs"));
  git(repo, "add", "-A");
  // A submodule entry (gitlink) without a checkout: listed by git, skipped by the snapshot.
  git(repo, "update-index", "--add", "--cacheinfo", `160000,${"a".repeat(40)},vendor/engine`);
  git(repo, "commit", "--quiet", "-m", "first");
  git(repo, "tag", "v1");
  firstSha = git(repo, "rev-parse", "HEAD");
  write(repo, "README.md", "# Widgets v2\n");
  git(repo, "commit", "--quiet", "-am", "second");
  secondSha = git(repo, "rev-parse", "HEAD");
  // Not committed: the snapshot must not see these.
  write(repo, "README.md", "# Widgets, uncommitted\n");
  write(repo, "notes/draft.md", "draft\n");
});

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

describe("openLocalSnapshot on a git checkout", () => {
  it("shows HEAD's committed tree: regular files and in-repo symlinks, sorted, with sizes", async () => {
    const snapshot = await openLocalSnapshot({ dir: repo, limits: LIMITS });
    expect(snapshot.sha).toBe(secondSha);
    expect(snapshot.label).toBe(`${repo} @ ${secondSha.slice(0, 7)}`);
    expect(await snapshot.listFiles()).toEqual([
      { path: "README.md", size: 13 },
      { path: "assets/logo.png", size: PNG_BYTES.length },
      { path: "data/big.json", size: 3003 },
      { path: "data/legacy.csv", size: 7 },
      { path: "docs/current.md", size: 35 },
      { path: "docs/specs/billing.md", size: 35 },
    ]);
  });

  it("caches the listing", async () => {
    const snapshot = await openLocalSnapshot({ dir: repo });
    expect(await snapshot.listFiles()).toBe(await snapshot.listFiles());
  });

  it("reads text, follows in-repo symlinks, and reports binary, too-large and missing files", async () => {
    const snapshot = await openLocalSnapshot({ dir: repo, limits: LIMITS });
    expect(await snapshot.readFile("./README.md")).toEqual({
      kind: "text",
      path: "README.md",
      text: "# Widgets v2\n",
      size: 13,
    });
    expect(await snapshot.readFile("docs\\current.md")).toEqual({
      kind: "text",
      path: "docs/current.md",
      text: "## 1. Scope\n\nBilling runs nightly.\n",
      size: 35,
    });
    expect(await snapshot.readFile("assets/logo.png")).toEqual({
      kind: "binary",
      path: "assets/logo.png",
      size: 14,
    });
    expect(await snapshot.readFile("data/legacy.csv")).toEqual({
      kind: "binary",
      path: "data/legacy.csv",
      size: 7,
    });
    expect(await snapshot.readFile("data/big.json")).toEqual({
      kind: "too-large",
      path: "data/big.json",
      size: 3003,
      limit: 1000,
    });
    expect(await snapshot.readFile("notes/draft.md")).toEqual({ kind: "missing", path: "notes/draft.md" });
    expect(await snapshot.readFile("docs/all-specs")).toEqual({ kind: "missing", path: "docs/all-specs" });
    expect(await snapshot.readFile("vendor/engine")).toEqual({ kind: "missing", path: "vendor/engine" });
    expect(await snapshot.readFile("docs/specs")).toEqual({ kind: "missing", path: "docs/specs" });
  });

  it.each([
    ["../outside.md", /climbs above/],
    ["docs/../../widgets/README.md", /climbs above/],
    ["/etc/passwd", /absolute/],
    ["passwd", /symlink to "..\/..\/etc\/passwd", outside the repository/],
    ["hostname", /symlink to "\/etc\/hostname"/],
  ])("refuses to read %s", async (path, reason) => {
    const snapshot = await openLocalSnapshot({ dir: repo });
    const read = snapshot.readFile(path);
    await expect(read).rejects.toBeInstanceOf(PathEscapeError);
    await expect(read).rejects.toThrow(reason);
  });

  it("reads an older commit by tag or SHA", async () => {
    for (const ref of ["v1", firstSha, "HEAD~1", "main~1"]) {
      const snapshot = await openLocalSnapshot({ dir: repo, ref });
      expect(snapshot.sha).toBe(firstSha);
      expect(await snapshot.readFile("README.md")).toMatchObject({ kind: "text", text: "# Widgets v1\n" });
    }
  });

  it("uses repository-root paths when opened on a subdirectory", async () => {
    const snapshot = await openLocalSnapshot({ dir: join(repo, "docs") });
    expect(snapshot.sha).toBe(secondSha);
    expect(snapshot.label).toBe(`${join(repo, "docs")} @ ${secondSha.slice(0, 7)}`);
    expect((await snapshot.listFiles()).map((f) => f.path)).toContain("README.md");
    expect(await snapshot.readFile("docs/specs/billing.md")).toMatchObject({ kind: "text" });
  });

  it.each([
    ["an unknown branch", "no-such-branch", /Unknown git ref "no-such-branch"/],
    ["an unknown SHA", "0123456789abcdef0123456789abcdef01234567", /Unknown git ref/],
    ["a ref that looks like an option", "--output=/tmp/x", /not a valid git ref/],
    ["an empty ref", " ", /not a valid git ref/],
  ])("rejects %s with a SnapshotError and a hint", async (_name, ref, message) => {
    const opened = openLocalSnapshot({ dir: repo, ref });
    await expect(opened).rejects.toBeInstanceOf(SnapshotError);
    await expect(opened).rejects.toThrow(message);
    await expect(opened).rejects.toHaveProperty("hint", expect.stringMatching(/branch|tag|commit/));
  });

  it("explains a repository without commits", async () => {
    const empty = join(base, "empty");
    mkdirSync(empty);
    git(empty, "init", "--quiet");
    await expect(openLocalSnapshot({ dir: empty })).rejects.toThrow(/has no commits yet/);
  });
});

describe("openLocalSnapshot on a plain directory", () => {
  let plain: string;
  let outside: string;

  beforeAll(() => {
    plain = join(base, "plain");
    outside = join(base, "outside");
    write(outside, "secret.txt", "top secret\n");
    write(plain, "README.md", "# Plain\n");
    write(plain, "docs/guide.md", "Guide\n");
    write(plain, "node_modules/pkg/index.js", "module.exports = 1;\n");
    write(plain, "image.png", PNG_BYTES);
    write(plain, "big.txt", "x".repeat(2000));
    symlinkSync("docs/guide.md", join(plain, "guide-link.md"));
    symlinkSync("../outside/secret.txt", join(plain, "secret.txt"));
    symlinkSync("docs", join(plain, "docs-link"));
    symlinkSync("missing.md", join(plain, "dangling.md"));
  });

  it("lists the files on disk with sha WORKTREE, skipping node_modules and escaping links", async () => {
    const snapshot = await openLocalSnapshot({ dir: plain, limits: LIMITS });
    expect(snapshot.sha).toBe("WORKTREE");
    expect(snapshot.label).toContain(plain);
    expect(await snapshot.listFiles()).toEqual([
      { path: "README.md", size: 8 },
      { path: "big.txt", size: 2000 },
      { path: "docs/guide.md", size: 6 },
      { path: "guide-link.md", size: 6 },
      { path: "image.png", size: 14 },
    ]);
  });

  it("reads like the git adapter does", async () => {
    const snapshot = await openLocalSnapshot({ dir: plain, limits: LIMITS });
    expect(await snapshot.readFile("guide-link.md")).toEqual({
      kind: "text",
      path: "guide-link.md",
      text: "Guide\n",
      size: 6,
    });
    expect(await snapshot.readFile("image.png")).toEqual({ kind: "binary", path: "image.png", size: 14 });
    expect(await snapshot.readFile("big.txt")).toEqual({
      kind: "too-large",
      path: "big.txt",
      size: 2000,
      limit: 1000,
    });
    expect(await snapshot.readFile("node_modules/pkg/index.js")).toEqual({
      kind: "missing",
      path: "node_modules/pkg/index.js",
    });
    expect(await snapshot.readFile("dangling.md")).toEqual({ kind: "missing", path: "dangling.md" });
    await expect(snapshot.readFile("secret.txt")).rejects.toThrow(PathEscapeError);
    await expect(snapshot.readFile("../outside/secret.txt")).rejects.toThrow(PathEscapeError);
  });

  it("rejects a ref, because a plain directory has no history", async () => {
    const opened = openLocalSnapshot({ dir: plain, ref: "main" });
    await expect(opened).rejects.toBeInstanceOf(SnapshotError);
    await expect(opened).rejects.toThrow(/not a git checkout/);
  });

  it("rejects a directory that does not exist", async () => {
    await expect(openLocalSnapshot({ dir: join(base, "nope") })).rejects.toThrow(/does not exist/);
    await expect(openLocalSnapshot({ dir: join(plain, "README.md") })).rejects.toThrow(/is not a directory/);
  });
});
