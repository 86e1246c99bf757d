import { describe, expect, it } from "vitest";
import { renderFindingsJson } from "../../../src/core/render/render-findings-json.js";
import { EMPTY_REPORT, SAMPLE_REPORT } from "./sample-report.js";

describe("renderFindingsJson", () => {
  it("has the documented shape with keys in a fixed order and null for an unknown line", () => {
    const parsed = JSON.parse(renderFindingsJson(SAMPLE_REPORT)) as {
      findings: Record<string, unknown>[];
      summary: unknown;
    };
    expect(Object.keys(parsed)).toEqual(["findings", "summary"]);
    for (const f of parsed.findings) {
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
    }
    expect(parsed.findings[2]?.line).toBeNull();
    expect(parsed.summary).toEqual({
      commit: "0123456789abcdef0123456789abcdef01234567",
      specsChecked: 6,
      total: 3,
      bySeverity: { error: 1, warning: 1, info: 1 },
      byRule: { "ownership-overlap": 1, "glossary-term": 1, input: 1 },
    });
  });

  it("renders an empty report", () => {
    expect(renderFindingsJson(EMPTY_REPORT)).toMatchInlineSnapshot(`
      "{
        "findings": [],
        "summary": {
          "commit": "WORKTREE",
          "specsChecked": 2,
          "total": 0,
          "bySeverity": {
            "error": 0,
            "warning": 0,
            "info": 0
          },
          "byRule": {}
        }
      }
      "
    `);
  });
});
