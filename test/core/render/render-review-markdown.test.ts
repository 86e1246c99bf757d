import { describe, expect, it } from "vitest";
import { renderReviewMarkdown } from "../../../src/core/render/render-review-markdown.js";
import { EMPTY_REPORT, SAMPLE_REPORT } from "./sample-report.js";

describe("renderReviewMarkdown", () => {
  it("renders the title, commit, category table and a checklist grouped by spec", () => {
    expect(renderReviewMarkdown(SAMPLE_REPORT)).toMatchInlineSnapshot(`
      "# Consistency Review

      Deterministic checks by Specwright at commit \`0123456789abcdef0123456789abcdef01234567\`: 6 specs checked, 1 error, 1 warning, 1 info.

      ## Summary

      | Category | Rules | Errors | Warnings | Info |
      |----------|-------|-------:|---------:|-----:|
      | Overlapping ownership | \`ownership-overlap\` | 1 | 0 | 0 |
      | Contradictory statements | \`contradiction\` | 0 | 0 | 0 |
      | Broken cross-references | \`xref-broken\` | 0 | 0 | 0 |
      | Glossary violations | \`glossary-term\` | 0 | 0 | 1 |
      | Missing cross-references | \`missing-xref\` | 0 | 0 | 0 |
      | Depth imbalance | \`length\`, \`depth-imbalance\` | 0 | 0 | 0 |
      | Status disagreements | \`status-mismatch\`, \`status-vocabulary\` | 0 | 0 | 0 |
      | Citations and anchors | \`citation-missing\`, \`anchor-unresolved\`, \`registry-evidence\` | 0 | 0 | 0 |
      | Template and structure | \`template-section\` | 0 | 0 | 0 |
      | Implementation spec rules | \`impl-section\`, \`impl-meta\`, \`impl-plan\`, \`impl-acceptance\`, \`impl-promise\` | 0 | 0 | 0 |
      | Unreadable input | \`input\` | 0 | 1 | 0 |

      ## Findings by spec

      ### docs/specs/billing.md

      - [ ] **ownership-overlap** (error) docs/specs/billing.md:40 — src/billing/ledger.ts is in the file tree of 2 specs: billing.md, payments.md. Specs: docs/specs/billing.md, docs/specs/payments.md. Fix: Keep the file in one spec's file tree; link to that spec from the other. \`SW-00000001\`
      - [ ] **glossary-term** (info) docs/specs/billing.md:77 — Uses "tenant" | the glossary says "workspace". Fix: Write "workspace". \`SW-00000002\`

      ### docs/specs/notes,v2.md

      - [ ] **input** (warning) docs/specs/notes,v2.md — 100% unreadable: not UTF-8. Fix: Save as UTF-8. \`SW-00000003\`
      "
    `);
  });

  it("renders an empty review", () => {
    const text = renderReviewMarkdown(EMPTY_REPORT, { title: "Spec review" });
    expect(text.startsWith("# Spec review\n")).toBe(true);
    expect(text.endsWith("## Findings by spec\n\nNo findings.\n")).toBe(true);
  });
});
