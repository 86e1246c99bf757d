import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/core/config/config-schema.js";
import { UsageError } from "../../src/core/errors.js";
import { checkRepository } from "../../src/services/check-repository.js";
import { createMemorySnapshot } from "../helpers/memory-snapshot.js";
import { GOOD_IMPL_SPEC } from "../core/checks/impl-fixtures.js";

const config = configSchema.parse({ systemSpecs: { lines: { min: 1, max: 100 } } });
const TEMPLATE = "# [Name]\n\n## 1. Overview\n\nText.\n\n## 2. File Tree\n\nTree.\n";
const SPEC =
  "# Alpha\n\n## 1. Overview\n\nAlpha lives in `src/alpha.ts:alpha`.\n\n## 2. File Tree\n\n```\nsrc/\n└── alpha.ts\n```\n";
const BRIEF =
  "# Brief\n\n## Glossary\n\n| Term | Definition | Do NOT call it |\n|---|---|---|\n| Widget | A thing | gadget |\n";
const REGISTRY =
  "# Registry\n\n## 1. Alpha\n\n| Feature | Status | Evidence |\n|---|---|---|\n| Alpha | Implemented | `src/alpha.ts` |\n";

const base = {
  "docs/specs/template.md": TEMPLATE,
  "docs/specs/boundary-brief.md": BRIEF,
  "docs/specs/feature-registry.md": REGISTRY,
  "docs/specs/alpha.md": SPEC,
  "src/alpha.ts": "export const alpha = 1;\n",
};

describe("checkRepository (input handling)", () => {
  it("checks a clean repository and reports the commit and spec count", async () => {
    const report = await checkRepository({ snapshot: createMemorySnapshot(base, { sha: "abc123" }), config });
    expect(report.findings).toEqual([]);
    expect(report.summary).toEqual({
      commit: "abc123",
      specsChecked: 1,
      total: 0,
      bySeverity: { error: 0, warning: 0, info: 0 },
      byRule: {},
    });
  });

  it("reports a non-UTF-8 spec, a too-large spec and a too-large source as findings, not crashes", async () => {
    const files = {
      ...base,
      "docs/specs/latin1.md": new Uint8Array([0x23, 0x20, 0xe9, 0x0a]),
      "docs/specs/huge.md": `# Huge\n${"x".repeat(2 * 1024 * 1024)}\n`,
      "docs/specs/alpha.md": SPEC.replace("`src/alpha.ts:alpha`", "`src/big.ts:alpha`"),
      "src/big.ts": `export const alpha = "${"y".repeat(1024 * 1024)}";\n`,
    };
    const report = await checkRepository({
      snapshot: createMemorySnapshot(files, { maxFileBytes: 4 * 1024 * 1024 }),
      config,
    });
    expect(report.findings.map((f) => [f.rule, f.severity, f.file])).toEqual([
      ["anchor-unresolved", "info", "docs/specs/alpha.md"],
      ["input", "error", "docs/specs/huge.md"],
      ["input", "error", "docs/specs/latin1.md"],
    ]);
    expect(report.findings[1]?.message).toMatch(/more than the 1048576 bytes the checker reads/);
    expect(report.findings[2]?.message).toBe("docs/specs/latin1.md is not UTF-8 text; it was not checked.");
  });

  it("reports a file the snapshot refuses as too large", async () => {
    const files = { ...base, "docs/specs/beta.md": `# Beta\n${"z".repeat(3000)}\n` };
    const report = await checkRepository({
      snapshot: createMemorySnapshot(files, { maxFileBytes: 2000 }),
      config,
    });
    expect(report.findings.map((f) => [f.rule, f.file])).toContainEqual(["input", "docs/specs/beta.md"]);
  });

  it("skips rules whose brief, registry or template is missing, with info findings", async () => {
    const report = await checkRepository({
      snapshot: createMemorySnapshot({
        "docs/specs/alpha.md": SPEC,
        "src/alpha.ts": "export const alpha = 1;\n",
      }),
      config,
    });
    expect(report.findings.every((f) => f.rule === "input" && f.severity === "info")).toBe(true);
    expect(report.findings.map((f) => f.file).sort()).toEqual(
      expect.arrayContaining(["docs/specs/boundary-brief.md", "docs/specs/template.md"]),
    );
  });

  it("classifies implementation specs by the output pattern and checks them", async () => {
    const files = {
      ...base,
      "specs/export.md": GOOD_IMPL_SPEC.replace("| Status | draft |", "| Status | shipped |"),
    };
    const report = await checkRepository({ snapshot: createMemorySnapshot(files), config });
    expect(report.findings.map((f) => [f.rule, f.file])).toEqual(
      expect.arrayContaining([["impl-meta", "specs/export.md"]]),
    );
    expect(report.summary.specsChecked).toBe(2);
  });

  it("reports only on the files asked for", async () => {
    const files = { ...base, "docs/specs/beta.md": SPEC.replace("src/alpha.ts:alpha", "src/missing.ts") };
    const all = await checkRepository({ snapshot: createMemorySnapshot(files), config });
    expect(all.findings.some((f) => f.file === "docs/specs/beta.md")).toBe(true);
    const onlyAlpha = await checkRepository({
      snapshot: createMemorySnapshot(files),
      config,
      only: ["./docs/specs/alpha.md"],
    });
    expect(
      onlyAlpha.findings.every(
        (f) => f.file === "docs/specs/alpha.md" || f.specs.includes("docs/specs/alpha.md"),
      ),
    ).toBe(true);
    expect(onlyAlpha.summary.specsChecked).toBe(1);
  });

  it.each([
    ["block quotes", `${">".repeat(20_000)} deep`],
    ["list markers", `${"- ".repeat(5_000)}x`],
  ])("reports a spec of deeply nested %s as one input error and checks the others", async (_name, body) => {
    const files = { ...base, "docs/specs/deep.md": `# Deep\n\n${body}\n` };
    const report = await checkRepository({ snapshot: createMemorySnapshot(files), config });
    expect(report.findings).toEqual([
      expect.objectContaining({
        rule: "input",
        severity: "error",
        file: "docs/specs/deep.md",
        message: expect.stringMatching(/^docs\/specs\/deep\.md is too deeply nested to check \(/),
      }),
    ]);
    expect(report.summary.specsChecked).toBe(1);
  });

  it.each([
    ["brief", "docs/specs/boundary-brief.md"],
    ["registry", "docs/specs/feature-registry.md"],
    ["template", "docs/specs/template.md"],
  ])("reports a non-UTF-8 %s once, as unreadable, not also as missing", async (_name, path) => {
    const files = { ...base, [path]: new Uint8Array([0x23, 0x20, 0xe9, 0x0a]) };
    const report = await checkRepository({ snapshot: createMemorySnapshot(files), config });
    const about = report.findings.filter((f) => f.file === path);
    expect(about).toEqual([
      expect.objectContaining({
        rule: "input",
        severity: "error",
        message: `${path} is not UTF-8 text; it was not checked.`,
      }),
    ]);
  });

  it("keeps repository-wide input findings when files are named, and counts only specs as checked", async () => {
    const files = { ...base, "docs/specs/boundary-brief.md": undefined } as Record<
      string,
      string | undefined
    >;
    delete files["docs/specs/boundary-brief.md"];
    const report = await checkRepository({
      snapshot: createMemorySnapshot(files as Record<string, string>),
      config,
      only: ["docs/specs/alpha.md", "docs/specs/template.md"],
    });
    expect(report.findings).toEqual([
      expect.objectContaining({ rule: "input", severity: "info", file: "docs/specs/boundary-brief.md" }),
    ]);
    expect(report.summary.specsChecked).toBe(1);
  });

  it.each([
    ["docs/specs/nope.md", /does not exist/],
    ["src/alpha.ts", /is not a spec/],
  ])("rejects %s as a file to check", async (path, message) => {
    const promise = checkRepository({ snapshot: createMemorySnapshot(base), config, only: [path] });
    await expect(promise).rejects.toThrow(UsageError);
    await expect(promise).rejects.toThrow(message);
  });
});

describe("checkRepository (no specs)", () => {
  it("says so when the repository has no specs", async () => {
    const report = await checkRepository({ snapshot: createMemorySnapshot({ "src/a.ts": "x" }), config });
    expect(report.findings).toEqual([
      expect.objectContaining({
        rule: "input",
        severity: "info",
        file: "docs/specs",
        message: "No specs found: no markdown files in docs/specs/ and none matching specs/{slug}.md.",
      }),
    ]);
    expect(report.summary.specsChecked).toBe(0);
  });
});
