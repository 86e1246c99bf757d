import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openLocalSnapshot } from "../../src/adapters/local/open-local-snapshot.js";
import { configSchema } from "../../src/core/config/config-schema.js";
import { PathEscapeError, SnapshotError } from "../../src/core/errors.js";
import { createFileIndex } from "../../src/core/files/file-index.js";
import type { RepoSnapshot } from "../../src/ports/repo-snapshot.js";
import { findRefusedPaths } from "../../src/services/find-refused-paths.js";
import { planRepository } from "../../src/services/plan-repository.js";

let base: string;
let repo: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), "specwright-refused-"));
  repo = join(base, "widgets");
  mkdirSync(join(repo, "src"), { recursive: true });
  mkdirSync(join(repo, "docs/specs"), { recursive: true });
  writeFileSync(join(repo, "src/api.ts"), "export const api = 1;\n");
  writeFileSync(join(repo, "docs/specs/api.md"), "# API\n");
  symlinkSync("../../../etc/hostname", join(repo, "src/host.ts"));
  symlinkSync("api.ts", join(repo, "src/alias.ts"));
  const git = (...args: string[]) =>
    execFileSync("git", args, {
      cwd: repo,
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" },
    });
  git("init", "--quiet", "--initial-branch=main");
  git("add", "-A");
  git("-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "--quiet", "-m", "first");
});

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

describe("findRefusedPaths", () => {
  it("finds the key paths a git snapshot refuses, and skips listed and plainly missing ones", async () => {
    const snapshot = await openLocalSnapshot({ dir: repo, ref: "HEAD" });
    const index = createFileIndex(await snapshot.listFiles());
    const refused = await findRefusedPaths(snapshot, index, [
      "src/api.ts",
      "src/alias.ts",
      "src/",
      "src/host.ts",
      "src/host.ts",
      "src/gone.ts",
    ]);
    expect([...refused.keys()]).toEqual(["src/host.ts"]);
    expect(refused.get("src/host.ts")).toMatch(/outside the repository/);
  });

  it("passes on failures other than a refusal", async () => {
    const broken: RepoSnapshot = {
      sha: "abc",
      label: "broken",
      listFiles: () => Promise.resolve([]),
      readFile: () => Promise.reject(new SnapshotError("git cat-file died", "Run it again")),
    };
    await expect(findRefusedPaths(broken, createFileIndex([]), ["src/a.ts"])).rejects.toThrow(
      "git cat-file died",
    );
    const refusing: RepoSnapshot = {
      ...broken,
      readFile: (path) => Promise.reject(new PathEscapeError(path, "it is a symlink to /etc")),
    };
    expect(await findRefusedPaths(refusing, createFileIndex([]), ["a"])).toEqual(
      new Map([["a", "it is a symlink to /etc"]]),
    );
  });
});

describe("planRepository", () => {
  it("reports a key file that is a symlink leading outside the repository as refused, not missing", async () => {
    const snapshot = await openLocalSnapshot({ dir: repo, ref: "HEAD" });
    const config = configSchema.parse({
      systemSpecs: {
        agents: [{ name: "api", specFile: "docs/specs/api.md", keyFiles: ["src/host.ts", "src/gone.ts"] }],
      },
    });
    const plan = await planRepository({
      snapshot,
      config,
      selection: { names: [], withDependents: false },
      promptChars: 100,
    });
    const messages = plan.problems.filter((p) => p.kind === "missing-key-file").map((p) => p.message);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(
      /key file src\/host\.ts, which agents may not read: .*outside the repository/,
    );
    expect(messages[1]).toMatch(/key file src\/gone\.ts, which does not exist at this commit/);
  });
});
