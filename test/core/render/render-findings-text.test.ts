import { describe, expect, it } from "vitest";
import { renderFindingsText } from "../../../src/core/render/render-findings-text.js";
import { EMPTY_REPORT, SAMPLE_REPORT } from "./sample-report.js";

describe("renderFindingsText", () => {
  it("groups findings by file with location, severity, rule, message, subjects, other specs and fix", () => {
    expect(renderFindingsText(SAMPLE_REPORT)).toMatchInlineSnapshot(`
      "docs/specs/billing.md
        docs/specs/billing.md:40  error    ownership-overlap  src/billing/ledger.ts is in the file tree of 2 specs: billing.md, payments.md.
            subjects: src/billing/ledger.ts
            specs: docs/specs/payments.md
            fix: Keep the file in one spec's file tree; link to that spec from the other.  [SW-00000001]
        docs/specs/billing.md:77  info     glossary-term  Uses "tenant" | the glossary says "workspace".
            subjects: tenant
            fix: Write "workspace".  [SW-00000002]

      docs/specs/notes,v2.md
        docs/specs/notes,v2.md  warning  input  100% unreadable: not UTF-8
            fix: Save as UTF-8.  [SW-00000003]

      1 error, 1 warning, 1 info in 6 specs at 0123456789ab.
      "
    `);
  });

  it("says so when there are no findings", () => {
    expect(renderFindingsText(EMPTY_REPORT)).toBe("No findings in 2 specs at WORKTREE.\n");
  });
});
