import { describe, expect, it } from "vitest";
import { statusVocabularyRule } from "../../../../src/core/checks/rules/status-vocabulary.js";
import { buildCheckContext } from "../../../helpers/check-context.js";
import { REGISTRY_PATH } from "./system-fixtures.js";

const table = (...rows: [string, string][]) =>
  [
    "| Feature | Status | Evidence |",
    "|---|---|---|",
    ...rows.map(([f, s]) => `| ${f} | ${s} | \`a.ts\` |`),
  ].join("\n");
const run = (spec: string, registry?: string) =>
  statusVocabularyRule.run(
    buildCheckContext({
      files: { "docs/specs/a.md": spec, ...(registry ? { [REGISTRY_PATH]: registry } : {}) },
    }),
  );

describe("status-vocabulary", () => {
  it("accepts the four statuses and their case / emoji / note variants", () => {
    const spec = [
      "# A",
      "",
      table(
        ["Pause", "Implemented"],
        ["Resume", "✅ implemented"],
        ["Rename", "**Partial** (UI only)"],
        ["Share", "Planned"],
        ["Legacy API", "Deprecated"],
      ),
      "",
      "### Hub",
      "",
      "Status: Implemented.",
      "",
      "| State | Status | Meaning |",
      "|---|---|---|",
      "| a | running | busy |",
      "| b | paused | idle |",
      "",
      "The status: `running`.",
    ].join("\n");
    expect(run(spec)).toEqual([]);
  });

  it.each([
    ["Done", "Implemented"],
    ["In progress", "Partial"],
    ["Not started", "Planned"],
  ])("flags %s in a feature table and suggests %s", (raw, suggestion) => {
    const findings = run(`# A\n\n${table(["Pause", "Implemented"], ["Rename", raw])}\n`);
    expect(findings).toEqual([
      {
        rule: "status-vocabulary",
        severity: "warning",
        file: "docs/specs/a.md",
        line: 6,
        message: `Feature "Rename" has status "${raw}", which is not one of Implemented / Partial / Planned / Deprecated.`,
        subjects: ["status:rename"],
        specs: ["docs/specs/a.md"],
        fix: `Write "${suggestion}" instead of "${raw}".`,
      },
    ]);
  });

  it("flags unknown words and empty cells inside a feature table", () => {
    const findings = run(
      `# A\n\n${table(["Pause", "Implemented"], ["Resume", "Implemented"], ["Rename", "Maybe"], ["Share", ""])}\n`,
    );
    expect(findings.map((f) => [f.subjects[0], f.message])).toEqual([
      [
        "status:rename",
        'Feature "Rename" has status "Maybe", which is not one of Implemented / Partial / Planned / Deprecated.',
      ],
      [
        "status:share",
        'Feature "Share" has no status; use one of Implemented / Partial / Planned / Deprecated.',
      ],
    ]);
  });

  it("flags inline Status: lines under the feature's heading", () => {
    expect(run("# A\n\n### 6.1 Hub manager\n\n**Status:** WIP\n")).toEqual([
      expect.objectContaining({
        line: 5,
        subjects: ["status:hub manager"],
        fix: 'Write "Partial" instead of "WIP".',
      }),
    ]);
  });

  it("checks the feature registry too", () => {
    const findings = run("# A\n", `# Registry\n\n## 1. A\n\n${table(["Pause", "Shipped"])}\n`);
    expect(findings).toEqual([expect.objectContaining({ file: REGISTRY_PATH, line: 7 })]);
  });
});
