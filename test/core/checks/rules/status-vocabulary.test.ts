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
        subjects: ["status:rename", `value:${raw.toLowerCase()}`],
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
        subjects: ["status:hub manager", "value:wip"],
        fix: 'Write "Partial" instead of "WIP".',
      }),
    ]);
  });

  it.each([
    [
      "known issues",
      "## 8. Known Issues\n\n| Issue | Status |\n|---|---|\n| Login loop | Fixed |\n| Slow export | Done |\n| Crash | Done |",
    ],
    [
      "session states",
      "## 4. Sessions\n\n| Session state | Status |\n|---|---|\n| Running | Active |\n| Paused | Done |\n| Ended | Done |",
    ],
    ["inline statuses of known issues", "## 8. Known Issues\n\n### Login loop\n\nStatus: Done"],
  ])("ignores tables that are not feature tables: %s", (_name, body) => {
    expect(run(`# A\n\n${body}\n`)).toEqual([]);
  });

  it("reads any table with a Status column in the feature section", () => {
    const findings = run("# A\n\n## 7. Feature Status\n\n| Area | Status |\n|---|---|\n| Export | Done |\n");
    expect(findings.map((f) => [f.line, f.subjects])).toEqual([
      [7, ["status:export", "value:done", "in:7 feature status"]],
    ]);
  });

  it("reports the same feature with two wrong statuses twice, with distinct subjects", () => {
    const spec = `# A\n\n## 5. Features\n\n${table(["Pause", "Done"])}\n\n## 6. Roadmap features\n\n${table(["Pause", "WIP"])}\n`;
    const findings = run(spec);
    expect(findings).toHaveLength(2);
    expect(new Set(findings.map((f) => f.subjects.join("|"))).size).toBe(2);
  });

  it("checks the feature registry too", () => {
    const findings = run("# A\n", `# Registry\n\n## 1. A\n\n${table(["Pause", "Shipped"])}\n`);
    expect(findings).toEqual([expect.objectContaining({ file: REGISTRY_PATH, line: 7 })]);
  });
});
