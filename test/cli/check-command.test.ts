import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { fakeIo } from "../helpers/fake-io.js";

const FIXTURE = new URL("../fixtures/repos/acme/", import.meta.url);

interface JsonReport {
  findings: {
    id: string;
    rule: string;
    severity: string;
    file: string;
    line: number | null;
    subjects: string[];
    specs: string[];
    message: string;
    fix: string;
  }[];
  summary: {
    commit: string;
    specsChecked: number;
    total: number;
    bySeverity: Record<string, number>;
    byRule: Record<string, number>;
  };
}

describe("specwright check", () => {
  // A copy outside any git checkout, so the snapshot is the plain folder (the fixture itself sits inside this repo).
  let repo: string;
  let clean: string;
  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), "specwright-check-"));
    cpSync(FIXTURE, repo, { recursive: true });
    clean = mkdtempSync(join(tmpdir(), "specwright-check-clean-"));
    mkdirSync(join(clean, "docs/specs"), { recursive: true });
    mkdirSync(join(clean, "src"));
    writeFileSync(join(clean, "src/alpha.ts"), "export const alpha = 1;\n");
    writeFileSync(join(clean, "docs/specs/template.md"), "# [Name]\n\n## 1. Overview\n");
    writeFileSync(
      join(clean, "docs/specs/alpha.md"),
      "# Alpha\n\n## 1. Overview\n\nSee `src/alpha.ts:alpha`.\n",
    );
  });
  afterAll(() => {
    rmSync(repo, { recursive: true, force: true });
    rmSync(clean, { recursive: true, force: true });
  });

  it("prints the documented JSON and exits 1 when there are errors", async () => {
    const io = fakeIo(tmpdir());
    expect(await main(["check", "--repo", repo, "--format", "json"], io)).toBe(1);
    const report = JSON.parse(io.stdout.join("")) as JsonReport;
    expect(Object.keys(report)).toEqual(["findings", "summary"]);
    expect(report.summary.commit).toBe("WORKTREE");
    expect(report.summary.specsChecked).toBe(7); // 5 system + 2 implementation specs; the non-UTF-8 one is an input finding
    expect(report.summary.bySeverity.error).toBeGreaterThan(0);
    expect(report.summary.total).toBe(report.findings.length);
    for (const f of report.findings) {
      expect(Object.keys(f)).toEqual([
        "id",
        "rule",
        "severity",
        "file",
        "line",
        "message",
        "subjects",
        "specs",
        "fix",
      ]);
      expect(f.id).toMatch(/^SW-[0-9a-f]{8}$/);
    }
    expect(new Set(report.findings.map((f) => f.rule))).toContain("ownership-overlap");
  });

  it("gives the same ids on a second run", async () => {
    const ids = async () => {
      const io = fakeIo(repo);
      await main(["check", "--format", "json"], io);
      return (JSON.parse(io.stdout.join("")) as JsonReport).findings.map((f) => f.id);
    };
    expect(await ids()).toEqual(await ids());
  });

  it("reports only on the files named (relative to the current directory)", async () => {
    const io = fakeIo(join(repo, "docs/specs"));
    expect(await main(["check", "--repo", repo, "--format", "json", "billing.md"], io)).toBe(1);
    const report = JSON.parse(io.stdout.join("")) as JsonReport;
    expect(report.findings.length).toBeGreaterThan(0);
    expect(
      report.findings.every(
        (f) => f.file === "docs/specs/billing.md" || f.specs.includes("docs/specs/billing.md"),
      ),
    ).toBe(true);
  });

  it.each(["text", "markdown", "github"])("renders --format %s", async (format) => {
    const io = fakeIo(repo);
    expect(await main(["check", "--format", format], io)).toBe(1);
    const out = io.stdout.join("");
    const expected =
      { text: "docs/specs/billing.md\n", markdown: "# Consistency Review\n", github: "::error file=" }[
        format
      ] ?? "";
    expect(out).toContain(expected);
  });

  it("exits 0 when there are no errors", async () => {
    const io = fakeIo(clean);
    expect(await main(["check"], io)).toBe(0);
    expect(io.stdout.join("")).toMatch(/0 errors, 1 warning, 2 info in 1 spec at WORKTREE\.\n$/); // length + missing brief/registry
  });

  it.each([
    [["check", "--format", "yaml"], /argument 'yaml' is invalid/],
    [["check", "docs/specs/missing.md"], /does not exist/],
  ])("exits 2 on bad usage: %j", async (argv, message) => {
    const io = fakeIo(repo);
    expect(await main(argv, io)).toBe(2);
    expect(io.stderr.join("\n")).toMatch(message);
  });

  it("exits 2 on an invalid config, listing the problems", async () => {
    const bad = mkdtempSync(join(tmpdir(), "specwright-check-bad-"));
    try {
      cpSync(join(repo, "docs"), join(bad, "docs"), { recursive: true });
      cpSync(join(repo, ".github"), join(bad, ".github"), { recursive: true });
      writeFileSync(join(bad, ".github/specwright.yml"), "systemSpecs:\n  lines: { min: 10, max: 5 }\n");
      const io = fakeIo(bad);
      expect(await main(["check"], io)).toBe(2);
      expect(io.stderr.join("\n")).toMatch(/\.github\/specwright\.yml:2/);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });
});
