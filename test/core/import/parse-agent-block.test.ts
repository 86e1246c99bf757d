import { describe, expect, it } from "vitest";
import type { SourceLine } from "../../../src/core/import/import-types.js";
import { parseAgentBlock } from "../../../src/core/import/parse-agent-block.js";

/** Block lines numbered from `first` (the line after the opening fence). */
const lines = (text: string, first = 1): SourceLine[] =>
  text.split("\n").map((t, i) => ({ text: t, line: first + i }));

const FULL = `You are writing a system spec for the Lantern codebase.

READ THESE FILES FIRST (in order):
1. docs/specs/boundary-brief.md — rules (MANDATORY)
2. docs/specs/query-api.md — cross-reference

YOUR ASSIGNMENT:
- Spec file: docs/specs/dashboards.md
- In scope:
  - Panels
  - Sharing links
- Out of scope:
  - Query execution (query-api.md)

KEY FILES TO READ:
- web/src/dashboards/ (all files)
- services/api/src/sharing.rs

RULES:
- Cite files
- Target 300-600 lines

NOTE: Dashboards are rendered client-side.
Only document the data flow.`;

describe("parseAgentBlock", () => {
  it("reads every section of a well-formed block", () => {
    const { block, warnings } = parseAgentBlock(lines(FULL, 11));
    expect(warnings).toEqual([]);
    expect(block).toEqual({
      project: "Lantern",
      specFile: { path: "docs/specs/dashboards.md", line: 18 },
      readFirst: [
        { path: "docs/specs/boundary-brief.md", note: "rules (MANDATORY)", line: 14 },
        { path: "docs/specs/query-api.md", note: "cross-reference", line: 15 },
      ],
      inScope: ["Panels", "Sharing links"],
      outOfScope: [{ item: "Query execution", owner: "query-api.md" }],
      keyFiles: [{ path: "web/src/dashboards/", note: "all files" }, { path: "services/api/src/sharing.rs" }],
      rules: [
        { text: "Cite files", line: 30 },
        { text: "Target 300-600 lines", line: 31 },
      ],
      notes: ["Dashboards are rendered client-side. Only document the data flow."],
    });
  });

  it("tolerates extra blank lines, sentence-case labels, * markers and wrapped items", () => {
    const text = [
      "",
      "you are writing a system spec for the Acme Billing codebase",
      "",
      "",
      "Your assignment:",
      "",
      "* Spec file: `docs/specs/invoices.md`",
      "",
      "* In scope:",
      "    * Invoice numbering and the",
      "      yearly reset",
      "",
      "    * Credit notes",
      "Key files:",
      "* src/invoices/",
      "",
    ].join("\n");
    const { block, warnings } = parseAgentBlock(lines(text));
    expect(warnings).toEqual([]);
    expect(block.project).toBe("Acme Billing");
    expect(block.specFile?.path).toBe("docs/specs/invoices.md");
    expect(block.inScope).toEqual(["Invoice numbering and the yearly reset", "Credit notes"]);
    expect(block.keyFiles).toEqual([{ path: "src/invoices/" }]);
  });

  it("takes items written on the label line (Spec file inline, In scope: a)", () => {
    const text =
      "YOUR ASSIGNMENT:\n- Spec file: docs/specs/a.md\n- In scope: one thing\n- Out of scope: other (b.md)";
    const { block } = parseAgentBlock(lines(text));
    expect(block.inScope).toEqual(["one thing"]);
    expect(block.outOfScope).toEqual([{ item: "other", owner: "b.md" }]);
  });

  it.each([
    ["an unknown capitalised section", "OUTPUT FORMAT:\n- markdown", 1, /unknown section "OUTPUT FORMAT:"/],
    [
      "an unknown assignment item",
      "YOUR ASSIGNMENT:\n- Owner: team-x",
      2,
      /"Owner: team-x" is not Spec file/,
    ],
    [
      "a key file that is prose",
      "KEY FILES TO READ:\n- look at the whole repo",
      2,
      /does not start with a file path/,
    ],
    ["an absolute key file", "KEY FILES TO READ:\n- /etc/hosts", 2, /absolute/],
    [
      "a read-first item that is prose",
      "READ THESE FILES FIRST:\n1. All spec files in docs/",
      2,
      /does not start/,
    ],
    [
      "an invalid spec file",
      "YOUR ASSIGNMENT:\n- Spec file: ../x.md",
      2,
      /Spec file: .*leaves the repository/,
    ],
    [
      "a second spec file",
      "YOUR ASSIGNMENT:\n- Spec file: a/a.md\n- Spec file: a/b.md",
      3,
      /second Spec file/,
    ],
    ["text before the first section", "Please be thorough.\nRULES:\n- x", 1, /before the first section/],
    ["prose after a blank line in a list", "RULES:\n- x\n\nAnd also this", 4, /line not understood/],
  ])("warns about %s", (_name, text, line, message) => {
    const { warnings } = parseAgentBlock(lines(text));
    expect(warnings).toEqual([{ line, message: expect.stringMatching(message) }]);
  });

  it("returns an empty block (and no crash) for empty input", () => {
    const { block, warnings } = parseAgentBlock([]);
    expect(block.specFile).toBeUndefined();
    expect(warnings).toEqual([]);
  });
});
