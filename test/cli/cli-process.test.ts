import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Runs the real `bin/specwright.js` as a child process against a fixture git repository,
 * the way a user does after `npm ci`. Builds dist/ first so the test sees the current source.
 */
const root = fileURLToPath(new URL("../..", import.meta.url));
const bin = join(root, "bin/specwright.js");
let repo: string;

function write(path: string, text: string) {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), text);
}

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd: repo, env: { ...process.env, NO_COLOR: "1" } },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, stdio: "pipe" });

beforeAll(() => {
  execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: root, stdio: "pipe" });
  repo = mkdtempSync(join(tmpdir(), "specwright-cli-"));
  write("docs/specs/boundary-brief.md", "# Boundary brief\n");
  write("docs/specs/template.md", "# Template\n\n## 1. Overview\n");
  write("docs/specs/feature-registry.md", "# Registry\n\n## 1. Core\n");
  write("src/core/engine.ts", "export const engine = 1;\n");
  write("src/core/parts/wheel.ts", "export const wheel = 1;\n");
  write("src/api/routes.ts", "export const routes = [];\n");
  write(
    ".github/specwright.yml",
    [
      "systemSpecs:",
      "  agents:",
      "    - name: core",
      "      phase: 1",
      "      keyFiles: [src/core/]",
      "    - name: api",
      "      reads: [docs/specs/core.md]",
      "      keyFiles: [src/api/routes.ts, { path: src/api/missing.ts, note: gone }]",
      "",
    ].join("\n"),
  );
  git("init", "-q");
  git("-c", "user.name=t", "-c", "user.email=t@example.com", "add", ".");
  git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "first");
}, 120_000);

afterAll(() => {
  if (repo) rmSync(repo, { recursive: true, force: true });
});

describe("the specwright binary", () => {
  it("lists its commands", async () => {
    const result = await run(["--help"]);
    expect(result.code).toBe(0);
    for (const command of ["import", "plan", "check", "generate"])
      expect(result.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, "m"));
  });

  it("prints the plan as stable JSON and exits 1 for a missing key file", async () => {
    const result = await run(["plan", "--format", "json"]);
    expect(result.code).toBe(1);
    const plan = JSON.parse(result.stdout) as {
      phases: unknown;
      agents: { name: string; keyFiles: unknown; dependsOn: string[]; estimatedInputTokens: number }[];
      problems: { kind: string; path: string | null }[];
    };
    expect(plan.phases).toEqual([
      { phase: 1, agents: ["core"] },
      { phase: 2, agents: ["api"] },
    ]);
    expect(plan.agents[0]?.keyFiles).toEqual([{ path: "src/core/", note: null, exists: true, files: 2 }]);
    expect(plan.agents[1]?.dependsOn).toEqual(["core"]);
    expect(plan.agents[1]?.estimatedInputTokens).toBeGreaterThan(0);
    expect(plan.problems).toEqual([
      expect.objectContaining({ kind: "missing-key-file", path: "src/api/missing.ts" }),
    ]);
  });

  it("plans at an older ref without seeing later commits", async () => {
    write("src/api/missing.ts", "export {};\n");
    git("add", ".");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "second");
    expect((await run(["plan", "core", "api"])).code).toBe(0);
    const old = await run(["plan", "--ref", "HEAD~1", "api"]);
    expect(old.code).toBe(1);
    expect(old.stdout).toContain("✗ src/api/missing.ts  (missing)");
  });

  it("suggests a name for a typo and exits 1", async () => {
    const result = await run(["plan", "apii"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('No agent is named "apii". Did you mean "api"?');
  });

  it("reports every config problem with line and key and exits 2", async () => {
    // plan reads the commit, not the working tree: commit the broken config.
    write(".github/specwright.yml", "concurrency: many\nsystemSpecs:\n  agents:\n    - name: Bad Name\n");
    git("add", ".");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "break the config");
    const result = await run(["plan"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(".github/specwright.yml:1:14  concurrency");
    expect(result.stderr).toContain(".github/specwright.yml:4:13  systemSpecs.agents[0].name");
  });

  it("exits 2 for an unknown ref", async () => {
    const result = await run(["plan", "--ref", "no-such-branch"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no-such-branch/);
  });
});
