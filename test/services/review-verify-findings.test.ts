import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/core/checks/types.js";
import { mergeReviewFindings } from "../../src/services/review-merge-findings.js";
import type { LlmFinding } from "../../src/services/review-report-tool.js";
import { topicKey, verifyLlmFindings } from "../../src/services/review-verify-findings.js";

const A = "docs/specs/a.md";
const B = "docs/specs/b.md";
const TEXT_A = "# A\n\nThe token lives for **one hour**.\nIt is stored in `sessions`.\n";
const TEXT_B = "# B\n\nTokens never expire.\n";
const ctx = {
  files: new Set([A, B, "src/x.ts"]),
  texts: new Map([
    [A, TEXT_A],
    [B, TEXT_B],
  ]),
  specsDir: "docs/specs",
};

const finding = (evidence: LlmFinding["evidence"], extra: Partial<LlmFinding> = {}): LlmFinding => ({
  category: "contradiction",
  severity: "error",
  specs: [A, B],
  subjects: ["Token lifetime"],
  evidence,
  message: "a.md and b.md disagree on token lifetime",
  fix: "Make b.md link to a.md.",
  ...extra,
});

describe("verifyLlmFindings", () => {
  it.each([
    ["a line inside the file", { file: A, line: 3 }, A, 3],
    ["a bare spec name", { file: "b.md", line: 3 }, B, 3],
    ["a ./ prefix", { file: `./${A}`, line: 1 }, A, 1],
    [
      "a quote without markdown emphasis, one line off",
      { file: A, line: 4, quote: "lives for one hour" },
      A,
      3,
    ],
    ["a quote abbreviated with an ellipsis", { file: A, line: 3, quote: "The token … one hour" }, A, 3],
  ])("accepts %s", (_name, evidence, file, line) => {
    const { findings, notes } = verifyLlmFindings([finding([evidence])], ctx);
    expect(findings[0]?.draft).toMatchObject({ file, line, severity: "error" });
    expect(notes).toEqual([]);
  });

  it.each([
    ["a missing file", { file: "docs/specs/c.md", line: 1 }, "docs/specs/c.md does not exist or is not text"],
    [
      "a path leaving the repository",
      { file: "../etc/passwd", line: 1 },
      "../etc/passwd does not exist or is not text",
    ],
    ["a line past the end", { file: B, line: 9 }, `${B} has 3 lines, not 9`],
    [
      "a quote that is not in the file",
      { file: A, line: 3, quote: "tokens last a day" },
      "the quote is not in",
    ],
  ])("drops a finding whose only evidence is %s", (_name, evidence, reason) => {
    const { findings, notes } = verifyLlmFindings([finding([evidence])], ctx);
    expect(findings).toEqual([]);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain(reason);
  });

  it("gives the same id-relevant fields whatever order the evidence is in", () => {
    const forward = verifyLlmFindings(
      [
        finding([
          { file: A, line: 3 },
          { file: B, line: 3 },
        ]),
      ],
      ctx,
    );
    const backward = verifyLlmFindings(
      [
        finding(
          [
            { file: B, line: 3 },
            { file: A, line: 3 },
          ],
          { subjects: ["token  LIFETIME"] },
        ),
      ],
      ctx,
    );
    expect(forward.findings[0]?.draft.subjects).toEqual(["token lifetime", A, B]);
    expect(backward.findings[0]?.draft.subjects).toEqual(forward.findings[0]?.draft.subjects);
  });

  it("removes hidden comments and characters from the model's text", () => {
    const { findings } = verifyLlmFindings(
      [
        finding([{ file: A, line: 3 }], {
          message: "Disagree\u200b<!-- @everyone -->.",
          fix: "Fix\u202e it.",
        }),
      ],
      ctx,
    );
    expect(findings[0]?.draft.message).toBe(`Disagree. Evidence: ${A}:3.`);
    expect(findings[0]?.draft.fix).toBe("Fix it.");
  });
});

describe("topicKey", () => {
  it.each([
    ["feature:Session TTL", "session ttl"],
    ["Session-TTL", "session ttl"],
    ["term:workspace", "workspace"],
    ["src/orders/create-order.ts", "src/orders/create order.ts"],
  ])("%s → %s", (subject, key) => {
    expect(topicKey(subject)).toBe(key);
  });
});

describe("mergeReviewFindings", () => {
  const deterministic: Finding[] = [
    {
      id: "SW-00000001",
      rule: "status-mismatch",
      severity: "error",
      file: B,
      line: 3,
      message: "Status differs from the registry.",
      subjects: ["feature:token lifetime"],
      specs: [B],
      fix: "Align it.",
    },
  ];

  it("leaves out an LLM finding on the same subjects as a deterministic one, keeps the others", () => {
    const llm = verifyLlmFindings(
      [
        finding([{ file: B, line: 3 }]),
        finding([{ file: A, line: 4 }], { category: "missing-xref", subjects: ["sessions table"] }),
      ],
      ctx,
    ).findings;
    const merged = mergeReviewFindings(deterministic, llm);
    expect(merged.findings.map((f) => f.rule)).toEqual(["missing-xref", "status-mismatch"]);
    expect(merged.notes).toEqual([
      `Left out the LLM finding contradiction on ${B}:3: it repeats SW-00000001 (status-mismatch).`,
    ]);
    expect(merged.findings[0]?.id).toMatch(/^SW-[0-9a-f]{8}$/);
  });
});
