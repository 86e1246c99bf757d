import { describe, expect, it } from "vitest";
import type { Severity } from "../../../src/core/checks/types.js";
import { chunkAnnotations } from "../../../src/core/render/chunk-annotations.js";
import { renderCheckRun } from "../../../src/core/render/render-check-run.js";
import { finding, PLANTED_KEY, SHA } from "./run-fixtures.js";

const withSeverities = (severities: Severity[]) =>
  severities.map((severity, i) => finding({ id: `SW-0000000${i}`, severity }));

describe("renderCheckRun", () => {
  it.each([
    [[], "success", "No findings"],
    [["info"], "success", "0 errors, 0 warnings, 1 info"],
    [["warning", "info"], "neutral", "0 errors, 1 warning, 1 info"],
    [["warning", "error", "error"], "failure", "2 errors, 1 warning, 0 info"],
  ] as [Severity[], string, string][])("severities %j → %s", (severities, conclusion, title) => {
    const run = renderCheckRun(withSeverities(severities));
    expect(run.name).toBe("Specwright consistency");
    expect([run.conclusion, run.title]).toEqual([conclusion, title]);
  });

  it("annotates findings with a line and lists the others in the summary", () => {
    const run = renderCheckRun(
      [
        finding({ id: "SW-00000001", severity: "warning", line: 7, rule: "glossary-term" }),
        finding({
          id: "SW-00000002",
          line: undefined,
          rule: "length",
          message: "Only 40 lines for a large scope.",
        }),
      ],
      { commit: SHA },
    );
    expect(run.annotations).toEqual([
      {
        path: "docs/specs/sessions-gateway.md",
        start_line: 7,
        end_line: 7,
        annotation_level: "warning",
        title: "Glossary violations: glossary-term (SW-00000001)",
        message:
          "Link to billing.md §4.2 points to a section that does not exist.\nFix: Link to §4.1 (Metering) instead.",
        raw_details: "Finding SW-00000001 (rule glossary-term)",
      },
    ]);
    expect(run.summary).toContain("1 error, 1 warning, 0 info at `3f9c2e7`; 1 annotated on their lines.");
    expect(run.summary).toContain("| Depth imbalance | 1 | 0 | 0 |");
    expect(run.summary).toMatch(
      /### Findings without a line\n\n- 🔴 Error `docs\/specs\/sessions-gateway.md` — Only 40 lines for a large scope\..*<!-- specwright:finding:SW-00000002 -->/,
    );
  });

  it("maps severities to annotation levels and redacts secrets", () => {
    const run = renderCheckRun([
      finding({ id: "SW-1", severity: "error", message: `uses ${PLANTED_KEY}` }),
      finding({ id: "SW-2", severity: "info", line: 3 }),
    ]);
    expect(run.annotations.map((a) => a.annotation_level)).toEqual(["failure", "notice"]);
    expect(JSON.stringify(run)).not.toContain("sk-ant-");
  });

  it("keeps the summary within 65,535 characters", () => {
    const many = Array.from({ length: 2_000 }, (_, i) =>
      finding({ id: `SW-${i}`, line: undefined, message: "x".repeat(400) }),
    );
    const run = renderCheckRun(many);
    expect(run.summary.length).toBeLessThanOrEqual(65_535);
    expect(run.summary).toMatch(/- _… and \d+ more findings without a line\._$/);
  });
});

describe("chunkAnnotations", () => {
  const annotations = renderCheckRun(
    Array.from({ length: 120 }, (_, i) => finding({ id: `SW-${i}`, line: i + 1 })),
  ).annotations;

  it("splits into batches of 50", () => {
    expect(chunkAnnotations(annotations, 50).map((c) => c.length)).toEqual([50, 50, 20]);
    expect(chunkAnnotations(annotations).flat()).toEqual(annotations);
  });

  it("returns no batches for no annotations and ignores a bad size", () => {
    expect(chunkAnnotations([], 50)).toEqual([]);
    expect(chunkAnnotations(annotations, 0).map((c) => c.length)).toEqual([50, 50, 20]);
  });
});
