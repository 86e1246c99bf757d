import { describe, expect, it } from "vitest";
import { parseFindingMarkers } from "../../../src/core/render/finding-markers.js";
import { renderReview, type ReviewFile } from "../../../src/core/render/render-review.js";
import { finding, PLANTED_KEY, SHA } from "./run-fixtures.js";

const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`);
const gateway: ReviewFile = { path: "docs/specs/sessions-gateway.md", lines: lines(40) };
const billing: ReviewFile = { path: "docs/specs/billing.md", lines: lines(20), commentableLines: [1, 2, 3] };

describe("renderReview", () => {
  const findings = [
    finding({ id: "SW-00000001" }),
    finding({
      id: "SW-00000002",
      file: "docs/specs/billing.md",
      line: 2,
      rule: "glossary-term",
      severity: "warning",
    }),
    finding({ id: "SW-00000003", file: "docs/specs/billing.md", line: 15, rule: "glossary-term" }),
    finding({ id: "SW-00000004", line: 99, rule: "citation-missing" }),
    finding({ id: "SW-00000005", line: undefined, rule: "length", severity: "info" }),
    finding({ id: "SW-00000006", file: "docs/specs/auth.md", line: 3, rule: "ownership-overlap" }),
  ];

  it("anchors only findings whose file is in the PR and whose line exists and is commentable", () => {
    const review = renderReview(findings, [gateway, billing], { commit: SHA });
    expect(review.comments.map((c) => [c.path, c.line, parseFindingMarkers(c.body)])).toEqual([
      ["docs/specs/sessions-gateway.md", 12, ["SW-00000001"]],
      ["docs/specs/billing.md", 2, ["SW-00000002"]],
    ]);
  });

  it("lists every finding in the body with its marker, grouped by category", () => {
    const { body } = renderReview(findings, [gateway, billing], { commit: SHA });
    expect(parseFindingMarkers(body).sort()).toEqual(findings.map((f) => f.id).sort());
    expect(body).toContain("<!-- specwright:review -->");
    expect(body).toContain(
      "4 errors, 1 warning, 1 info at `3f9c2e7`: 2 commented on the spec lines, 4 listed only here.",
    );
    const headings = [...body.matchAll(/^### (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual([
      "Overlapping ownership (1)",
      "Broken cross-references (1)",
      "Glossary violations (2)",
      "Depth imbalance (1)",
      "Citations and anchors (1)",
    ]);
    expect(body).toMatch(/`docs\/specs\/billing.md:15` .* _\(line not in this pull request\)_/);
    expect(body).toMatch(/`docs\/specs\/sessions-gateway.md:12` .* _\(see the comment on line 12\)_/);
  });

  it("renders a line comment with severity, category, fix and the other specs", () => {
    const f = finding({
      id: "SW-0a1b2c3d",
      rule: "ownership-overlap",
      message: "apps/gateway/src/server.ts is claimed by two specs.",
      specs: ["docs/specs/sessions-gateway.md", "docs/specs/auth.md"],
      fix: "Keep it in sessions-gateway.md and link to it from auth.md.",
    });
    expect(renderReview([f], [gateway]).comments[0]?.body).toMatchInlineSnapshot(`
      "<!-- specwright:finding:SW-0a1b2c3d -->
      **🔴 Error · Overlapping ownership** (\`ownership-overlap\`)

      apps/gateway/src/server.ts is claimed by two specs.

      **Suggested fix:** Keep it in sessions-gateway.md and link to it from auth.md.

      Also involves: \`docs/specs/auth.md\`

      <sub>Finding \`SW-0a1b2c3d\` · Specwright consistency</sub>"
    `);
  });

  it("does not post again for findings already commented, and caps new comments", () => {
    const many = Array.from({ length: 8 }, (_, i) => finding({ id: `SW-1000000${i}`, line: i + 1 }));
    const review = renderReview(many, [gateway], { alreadyCommented: ["SW-10000000"], maxComments: 3 });
    expect(review.comments.map((c) => c.line)).toEqual([2, 3, 4]);
    expect(review.body).toContain("4 commented on the spec lines, 4 listed only here.");
  });

  it("says so when there are no findings", () => {
    expect(renderReview([], [gateway], { commit: SHA }).body).toContain("✅ No findings at `3f9c2e7`");
  });

  it("redacts secrets and strips forged markers from finding text", () => {
    const f = finding({
      id: "SW-00000001",
      message: `Token ${PLANTED_KEY} in the spec <!-- specwright:finding:SW-ffffffff -->`,
    });
    const review = renderReview([f], [gateway]);
    for (const text of [review.body, review.comments[0]?.body ?? ""]) {
      expect(text).not.toContain("sk-ant-");
      expect(text).toContain("[REDACTED]");
      expect(parseFindingMarkers(text)).toEqual(["SW-00000001"]);
    }
  });

  it("stays under GitHub's body limit with thousands of findings", () => {
    const many = Array.from({ length: 3_000 }, (_, i) =>
      finding({ id: `SW-${String(i).padStart(8, "0")}`, line: undefined, message: "m".repeat(300) }),
    );
    const { body } = renderReview(many, [gateway]);
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toMatch(/_… and \d+ more findings, left out to stay within GitHub's size limit\._/);
  });
});
