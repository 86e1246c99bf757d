import { describe, expect, it } from "vitest";
import { implMetaRule } from "../../../../src/core/checks/rules/impl-meta.js";
import { GOOD_IMPL_SPEC, implContext, lineOf, variant } from "../impl-fixtures.js";

const run = (text: string) => implMetaRule.run(implContext({ "specs/x.md": text }));

describe("impl-meta", () => {
  it("accepts a filled-in Meta table", () => {
    expect(run(GOOD_IMPL_SPEC)).toEqual([]);
  });

  it.each([
    ["| Type | backend-api |", "| Type | backend-api + frontend |"],
    ["| Status | draft |", "| Status | In-Progress |"],
    ["| Created | 2026-03-04 |", "| Created | March 4, 2026 |"],
    ["| Created | 2026-03-04 |", "| Created | 4 March 2026 |"],
    ["| Created | 2026-03-04 |", "| Created | 2026/03/04 |"],
    ["| Created | 2026-03-04 |", "| Created | 04.03.2026 |"],
    ["| Created | 2026-03-04 |", "| Created | 2026-03-04T09:30:00Z |"],
    ["| Created | 2026-03-04 |", "| Created | 2026-03-04 (Tuesday) |"],
    ["| Type | backend-api |", "| Type | `agent-dspy` |"],
  ])("accepts %s written as %s", (from, to) => {
    expect(run(variant(from, to))).toEqual([]);
  });

  it.each([
    ["| Type | backend-api |", "| Type | backend |", "Type"],
    ["| Type | backend-api |", "| Type | backend-api / frontend / agent-langgraph / agent-dspy |", "Type"],
    ["| Repo | acme-ledger |", "| Repo | [repository name] |", "Repo"],
    ["| Repo | acme-ledger |", "| Repo |  |", "Repo"],
    ["| Status | draft |", "| Status | done |", "Status"],
    ["| Created | 2026-03-04 |", "| Created | 2026-02-30 |", "Created"],
    ["| Created | 2026-03-04 |", "| Created | [date] |", "Created"],
    ["| Created | 2026-03-04 |", "| Created | soon |", "Created"],
  ])("reports %s changed to %s", (from, to, field) => {
    const text = variant(from, to);
    const findings = run(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "impl-meta",
      severity: "error",
      line: lineOf(text, `| ${field} |`),
    });
    expect(findings[0]?.subjects).toEqual(["specs/x.md", `meta:${field}`]);
  });

  it("says clearly which date format it wants", () => {
    const findings = run(variant("| Created | 2026-03-04 |", "| Created | last week |"));
    expect(findings.map((f) => [f.message, f.fix])).toEqual([
      [
        'Meta Created "last week" is not a date.',
        "Write the creation date as YYYY-MM-DD (for example 2026-03-04); 4 March 2026 and 2026/03/04 are accepted too.",
      ],
    ]);
  });

  it("reports a missing row at the table", () => {
    const text = variant("| Repo | acme-ledger |\n", "");
    expect(run(text)).toEqual([
      expect.objectContaining({
        message: "The Meta table has no Repo row.",
        line: lineOf(text, "| Field |"),
      }),
    ]);
  });

  it("reports a Meta section without a table, and skips a spec without Meta", () => {
    const start = GOOD_IMPL_SPEC.indexOf("| Field |");
    const end = GOOD_IMPL_SPEC.indexOf("## Overview");
    const noTable = GOOD_IMPL_SPEC.slice(0, start) + "Type: backend-api\n\n" + GOOD_IMPL_SPEC.slice(end);
    expect(run(noTable).map((f) => f.message)).toEqual(["The Meta section has no Field | Value table."]);
    expect(run(variant("## Meta", "## Metadata"))).toEqual([]);
  });
});
