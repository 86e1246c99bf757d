import { describe, expect, it } from "vitest";
import { statusMismatchRule } from "../../../../src/core/checks/rules/status-mismatch.js";
import type { ConfigInput } from "../../../../src/core/config/config-schema.js";
import { buildCheckContext } from "../../../helpers/check-context.js";
import { REGISTRY_PATH } from "./system-fixtures.js";

const table = (...rows: [string, string][]) =>
  ["| Feature | Status | Evidence |", "|---|---|---|", ...rows.map(([f, s]) => `| ${f} | ${s} | — |`)].join(
    "\n",
  );

const REGISTRY = [
  "# Feature Registry",
  "",
  "## 1. Sessions & Gateway",
  "",
  table(
    ["Session pause/resume", "Implemented"],
    ["Session sharing", "Partial"],
    ["Hub manager", "Implemented"],
    ["Rename", "Planned"],
  ),
  "",
  "## 2. Billing",
  "",
  table(["Session pause/resume", "Planned"], ["Metering", "Implemented"]),
].join("\n");

const CONFIG: ConfigInput = {
  systemSpecs: {
    agents: [
      { name: "sessions-gateway", registrySection: 1 },
      { name: "billing", registrySection: "Billing" },
    ],
  },
};

const run = (
  files: Record<string, string>,
  config: ConfigInput = CONFIG,
  registry: string | null = REGISTRY,
) =>
  statusMismatchRule.run(
    buildCheckContext({
      files: { ...files, ...(registry === null ? {} : { [REGISTRY_PATH]: registry }) },
      config,
    }),
  );

describe("status-mismatch", () => {
  it("accepts specs that agree with their registry section", () => {
    const sessions = [
      "# Sessions",
      "",
      table(
        ["**Session Pause / Resume**", "✅ Implemented"],
        ["Session sharing (read-only links)", "Partial"],
        ["Something new", "Planned"],
      ),
      "",
      "### 6.1 Hub manager",
      "",
      "Status: Implemented",
    ].join("\n");
    const billing = `# Billing\n\n${table(["Session pause/resume", "Planned"], ["Metering", "Implemented"])}\n`;
    expect(run({ "docs/specs/sessions-gateway.md": sessions, "docs/specs/billing.md": billing })).toEqual([]);
  });

  it("flags a feature whose status differs from the registry section of the spec's agent", () => {
    const sessions = `# Sessions\n\n${table(["Session pause/resume", "Partial"], ["Metering", "Planned"])}\n`;
    expect(run({ "docs/specs/sessions-gateway.md": sessions })).toEqual([
      {
        rule: "status-mismatch",
        severity: "warning",
        file: "docs/specs/sessions-gateway.md",
        line: 5,
        message:
          'Feature "Session pause/resume" is Partial here but Implemented in the feature registry (docs/specs/feature-registry.md line 7, section "1. Sessions & Gateway").',
        subjects: ["feature:session pause resume"],
        specs: ["docs/specs/sessions-gateway.md", REGISTRY_PATH],
        fix: expect.stringContaining("same status"),
      },
    ]);
  });

  it("reads inline Status: lines under a feature heading", () => {
    const sessions = "# Sessions\n\n### 6.2 Hub Manager\n\n**Status:** Partial\n";
    expect(run({ "docs/specs/sessions-gateway.md": sessions }).map((f) => [f.line, f.subjects[0]])).toEqual([
      [5, "feature:hub manager"],
    ]);
  });

  it("matches the registry section by name when the config names it", () => {
    const billing = `# Billing\n\n${table(["Metering", "Partial"])}\n`;
    expect(run({ "docs/specs/billing.md": billing }).map((f) => f.subjects[0])).toEqual(["feature:metering"]);
  });

  it("matches by title when agents are inferred from the files", () => {
    const sessions = `# Sessions\n\n${table(["Rename", "Implemented"])}\n`;
    expect(run({ "docs/specs/sessions-gateway.md": sessions }, {}).map((f) => f.subjects[0])).toEqual([
      "feature:rename",
    ]);
  });

  it("skips features the spec states twice with different statuses, and non-allowed statuses", () => {
    const sessions = `# Sessions\n\n${table(["Rename", "Implemented"], ["Rename", "Partial"], ["Session sharing", "Done"])}\n`;
    expect(run({ "docs/specs/sessions-gateway.md": sessions })).toEqual([]);
  });

  it("reports a missing registry once as input info naming both rules", () => {
    expect(run({ "docs/specs/sessions-gateway.md": "# S\n" }, CONFIG, null)).toEqual([
      expect.objectContaining({
        rule: "input",
        severity: "info",
        file: REGISTRY_PATH,
        message: expect.stringContaining("`status-mismatch` and `registry-evidence` were skipped"),
      }),
    ]);
  });
});
