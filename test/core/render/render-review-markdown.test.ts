import { describe, expect, it } from "vitest";
import { renderReviewMarkdown } from "../../../src/core/render/render-review-markdown.js";
import { summarizeFindings } from "../../../src/core/checks/summarize-findings.js";
import type { Finding } from "../../../src/core/checks/types.js";
import { EMPTY_REPORT, SAMPLE_REPORT } from "./sample-report.js";

const CONTRADICTION: Finding = {
  id: "SW-00000009",
  rule: "contradiction",
  severity: "warning",
  file: "docs/specs/payments.md",
  line: 12,
  message: "payments.md retries a failed charge three times; billing.md says failed charges are dropped.",
  subjects: ["charge retries"],
  specs: ["docs/specs/payments.md", "docs/specs/billing.md"],
  fix: "Decide which is true and correct the other spec.",
};

describe("renderReviewMarkdown", () => {
  it("renders the title, commit, category table and a checklist grouped by spec", () => {
    expect(renderReviewMarkdown(SAMPLE_REPORT)).toMatchInlineSnapshot(`
      "# Consistency Review

      Reviewed by Specwright at commit \`0123456789abcdef0123456789abcdef01234567\`: 6 specs checked.

      - Deterministic checks: ran; 3 findings: 1 error, 1 warning, 1 info.
      - LLM pass (contradictions, missing cross-references, depth imbalance): not run (only the deterministic checks were asked for).

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
      | Implementation spec rules | \`impl-section\`, \`impl-meta\`, \`impl-plan\`, \`impl-acceptance\`, \`impl-promise\`, \`impl-questions\` | 0 | 0 | 0 |
      | Unreadable input | \`input\` | 0 | 1 | 0 |

      ## Findings by spec

      ### docs/specs/billing.md

      - [ ] **ownership-overlap** (error) docs/specs/billing.md:40 — src/billing/ledger.ts is in the file tree of 2 specs: billing.md, payments.md. Specs: docs/specs/billing.md, docs/specs/payments.md. Subjects: \`src/billing/ledger.ts\`, \`docs/specs/billing.md\`, \`docs/specs/payments.md\`. Fix: Keep the file in one spec's file tree; link to that spec from the other. \`SW-00000001\`
      - [ ] **glossary-term** (info) docs/specs/billing.md:77 — Uses "tenant" | the glossary says "workspace". Subjects: \`tenant\`, \`docs/specs/billing.md\`. Fix: Write "workspace". \`SW-00000002\`

      ### docs/specs/notes,v2.md

      - [ ] **input** (warning) docs/specs/notes,v2.md — 100% unreadable: not UTF-8. Subjects: \`docs/specs/notes,v2.md\`. Fix: Save as UTF-8. \`SW-00000003\`
      "
    `);
  });

  it("renders an empty review", () => {
    const text = renderReviewMarkdown(EMPTY_REPORT, { title: "Spec review" });
    expect(text.startsWith("# Spec review\n")).toBe(true);
    expect(text.endsWith("## Findings by spec\n\nNo findings.\n")).toBe(true);
  });

  it("says the LLM pass ran, on which model, and counts its findings apart from the deterministic ones", () => {
    const findings = [...SAMPLE_REPORT.findings, CONTRADICTION];
    const report = { findings, summary: summarizeFindings(findings, { commit: "abc1234", specsChecked: 6 }) };
    const text = renderReviewMarkdown(report, { llm: { kind: "done", model: "claude-sonnet-5-5" } });
    expect(text).toContain(
      "- Deterministic checks: ran; 3 findings: 1 error, 1 warning, 1 info.\n" +
        "- LLM pass (contradictions, missing cross-references, depth imbalance): ran on `claude-sonnet-5-5`; 1 finding kept: 0 errors, 1 warning, 0 info.\n",
    );
    expect(text).not.toContain("Deterministic checks by");
  });

  it("says when the LLM pass did not finish", () => {
    const text = renderReviewMarkdown(SAMPLE_REPORT, {
      llm: { kind: "failed", reason: "Anthropic is overloaded (529) after 4 retries." },
    });
    expect(text).toContain(
      "- LLM pass (contradictions, missing cross-references, depth imbalance): did not finish (Anthropic is overloaded (529) after 4 retries).",
    );
  });
});
