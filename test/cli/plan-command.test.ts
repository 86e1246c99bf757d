import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { fakeIo } from "../helpers/fake-io.js";

let repo: string;
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), text);
};
const git = (...args: string[]) =>
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], {
    cwd: repo,
    stdio: "pipe",
  });

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), "specwright-plan-"));
  write("src/a.ts", "export const a = 1;\n");
  write(".github/specwright.yml", "systemSpecs:\n  agents:\n    - name: a\n      keyFiles: [src/a.ts]\n");
  git("init", "-q");
  git("add", ".");
  git("commit", "-qm", "first");
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

describe("specwright plan", () => {
  it("says when the config in the working tree is not the one planned with", async () => {
    write(".github/specwright.yml", "systemSpecs:\n  agents:\n    - name: b\n");
    const io = fakeIo(repo);
    expect(await main(["plan"], io)).toBe(0);
    expect(io.stdout.join("")).toContain("  a — A\n");
    expect(io.stderr.join("")).toMatch(
      /\.github\/specwright\.yml has uncommitted changes; planning with the version at [0-9a-f]{7}/,
    );
  });

  it("prints config problems as JSON problems with line, column and key, and exits 2", async () => {
    write(".github/specwright.yml", "concurrency: lots\n");
    git("commit", "-qam", "break");
    const io = fakeIo(repo);
    expect(await main(["plan", "--format", "json"], io)).toBe(2);
    const body = JSON.parse(io.stdout.join("")) as { problems: unknown[]; agents: unknown[] };
    expect(body.agents).toEqual([]);
    expect(body.problems).toEqual([
      expect.objectContaining({
        kind: "config",
        severity: "error",
        path: ".github/specwright.yml",
        line: 1,
        column: 14,
        key: "concurrency",
      }),
    ]);
  });

  it("prints the shared context and the specs read on separate lines", async () => {
    write("docs/specs/boundary-brief.md", "# Brief\n");
    write(
      ".github/specwright.yml",
      "systemSpecs:\n  agents:\n    - name: a\n    - name: b\n      reads: [docs/specs/a.md]\n",
    );
    git("add", ".");
    git("commit", "-qm", "two agents");
    const io = fakeIo(repo);
    expect(await main(["plan", "b"], io)).toBe(0);
    const text = io.stdout.join("");
    expect(text).toContain("    context     docs/specs/boundary-brief.md\n");
    expect(text).toContain("    reads       docs/specs/a.md\n");
  });
});
