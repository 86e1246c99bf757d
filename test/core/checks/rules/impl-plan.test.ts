import { describe, expect, it } from "vitest";
import { implPlanRule } from "../../../../src/core/checks/rules/impl-plan.js";
import { GOOD_IMPL_SPEC, implContext, lineOf, variant } from "../impl-fixtures.js";

const run = (text: string) => implPlanRule.run(implContext({ "specs/x.md": text }));
const messages = (text: string) => run(text).map((f) => f.message);

describe("impl-plan", () => {
  it("accepts a consistent plan (chunk names with '+'/'and', Phase + chunk dependencies)", () => {
    expect(run(GOOD_IMPL_SPEC)).toEqual([]);
  });

  it("reports a chunk whose stream is not in the Work Streams table", () => {
    const text = variant("| Period query | data |", "| Period query | database |");
    expect(run(text)).toEqual([
      expect.objectContaining({
        line: lineOf(text, "| Period query | database |"),
        message: 'Chunk "Period query" names stream "database", which is not in the Work Streams table.',
      }),
    ]);
  });

  it("checks the Stream line of chunk details too", () => {
    const text = variant("  Stream: data\n", "  Stream: frontend\n");
    expect(messages(text)).toEqual([
      'Chunk "Period query" names stream "frontend", which is not in the Work Streams table.',
    ]);
  });

  it.each([
    ["Phase 1 + CSV endpoint", "Phase 2", "depends on Phase 2, which is not an earlier phase than Phase 2"],
    [
      "Phase 1 + CSV endpoint",
      "Phase 1 + PDF endpoint",
      'depends on "PDF endpoint", which is not a chunk of this plan',
    ],
    ["Phase 1 + CSV endpoint", "Phase 0", "depends on Phase 0, which does not exist"],
    ["Phase 1 + CSV endpoint", "CSV headers and encoding", "depends on itself"],
  ])("reports Depends On %s changed to %s", (from, to, message) => {
    const text = variant(`| ${from} |`, `| ${to} |`);
    const findings = run(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain(message);
    expect(findings[0]?.line).toBe(lineOf(text, "| CSV headers and encoding | api |"));
  });

  it("reports a dependency on a chunk of a later phase", () => {
    const text = variant(
      "| Invoices of a period stream from the DB | — |",
      "| Invoices of a period stream from the DB | CSV endpoint |",
    );
    expect(messages(text)).toEqual([
      'Chunk "Period query" depends on "CSV endpoint", which is in a later phase (Phase 2).',
    ]);
  });

  it("reports two streams owning the same directory or a file inside it", () => {
    const text = variant(
      "| src/invoices/routes/, src/invoices/csv.ts |",
      "| src/invoices/routes/, src/invoices/query/filters.ts |",
    );
    expect(run(text)).toEqual([
      expect.objectContaining({
        line: lineOf(text, "| api | Endpoint |"),
        message: 'Streams "data" and "api" both own src/invoices/query/ and src/invoices/query/filters.ts.',
      }),
    ]);
  });

  it("reports chunk details without Outcome, Stream or Skills", () => {
    const text = variant(
      "  Outcome: Invoices of a period can be streamed.\n  Stream: data\n  Skills: backend-api\n",
      "  Stream: data\n",
    );
    expect(messages(text)).toEqual(['Chunk "Period query" has no Outcome, Skills line.']);
  });

  it("reports a missing Work Streams table only when chunks name streams", () => {
    const start = GOOD_IMPL_SPEC.indexOf("### Work Streams");
    const end = GOOD_IMPL_SPEC.indexOf("### Phase 1");
    const text = GOOD_IMPL_SPEC.slice(0, start) + GOOD_IMPL_SPEC.slice(end);
    expect(messages(text)).toEqual([
      "Chunks name work streams but the Execution Plan has no Work Streams table.",
    ]);
  });

  it("does not ask for streams in a single-agent plan (no Work Streams table, no chunk names one)", () => {
    const plan = [
      "## Execution Plan",
      "",
      "### Phase 1: Query",
      "",
      "| Chunk | Outcome | Depends On |",
      "|-------|---------|------------|",
      "| Period query | Invoices of a period stream from the DB | — |",
      "",
      "- [ ] **Period query**",
      "  Outcome: Invoices of a period can be streamed.",
      "  Skills: backend-api",
      "",
      "## Acceptance Criteria",
    ].join("\n");
    const start = GOOD_IMPL_SPEC.indexOf("## Execution Plan");
    const end = GOOD_IMPL_SPEC.indexOf("## Acceptance Criteria") + "## Acceptance Criteria".length;
    const text = GOOD_IMPL_SPEC.slice(0, start) + plan + GOOD_IMPL_SPEC.slice(end);
    expect(messages(text)).toEqual([]);
  });

  it("still asks for a chunk's stream when other chunks name one", () => {
    const text = variant(
      "  Outcome: Invoices of a period can be streamed.\n  Stream: data\n",
      "  Outcome: Invoices of a period can be streamed.\n",
    );
    expect(messages(text)).toEqual(['Chunk "Period query" has no Stream line.']);
  });

  it("warns about a plan without phases and skips a spec without a plan", () => {
    const start = GOOD_IMPL_SPEC.indexOf("### Phase 1");
    const end = GOOD_IMPL_SPEC.indexOf("## Acceptance Criteria");
    expect(messages(GOOD_IMPL_SPEC.slice(0, start) + GOOD_IMPL_SPEC.slice(end))).toEqual([
      "The Execution Plan has no `### Phase N: …` sections.",
    ]);
    expect(run(variant("## Execution Plan", "## Plan"))).toEqual([]);
  });
});
