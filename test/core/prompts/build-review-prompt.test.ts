import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Finding } from "../../../src/core/checks/types.js";
import { parseConfig } from "../../../src/core/config/parse-config.js";
import { resolveSystemSpecs } from "../../../src/core/config/resolve-config.js";
import {
  buildReviewPrompt,
  type BuildReviewPromptInput,
} from "../../../src/core/prompts/build-review-prompt.js";

const PROMPT = {
  text: readFileSync(new URL("../../../prompts/consistency-review.md", import.meta.url), "utf8"),
  source: "prompts/consistency-review.md (built-in)",
};

function finding(partial: Partial<Finding> & Pick<Finding, "id" | "rule" | "file">): Finding {
  return {
    severity: "error",
    line: undefined,
    message: "",
    subjects: [],
    specs: [partial.file],
    fix: "",
    ...partial,
  };
}

const FINDINGS: Finding[] = [
  finding({
    id: "f-2",
    rule: "glossary-term",
    severity: "warning",
    file: "docs/specs/payouts.md",
    line: 40,
    message: 'uses "box" where the glossary says "sandbox"',
  }),
  finding({
    id: "f-1",
    rule: "ownership-overlap",
    file: "docs/specs/ledger.md",
    line: 12,
    message: "claims services/ledger/post.ts,\n  also claimed by payouts.md",
    specs: ["docs/specs/ledger.md", "docs/specs/payouts.md"],
  }),
];

function input(overrides: Partial<BuildReviewPromptInput> = {}): BuildReviewPromptInput {
  const parsed = parseConfig(
    "systemSpecs:\n  project: Harbor\n  lines: { min: 200, max: 400 }\n  agents:\n    - name: payouts\n      lines: { min: 80, max: 150 }\n",
  );
  if (!parsed.ok) throw new Error("bad config");
  return {
    prompt: PROMPT,
    systemSpecs: resolveSystemSpecs(parsed.config, []),
    repoName: "acme/harbor",
    brief: "# Brief\n\n## 3. Glossary\n",
    registry: "# Registry\n",
    specs: [
      { path: "docs/specs/payouts.md", text: "# Payouts\n\nBatches run nightly.\n" },
      { path: "docs/specs/ledger.md", text: "# Ledger\n\nPostings are immutable.\n" },
    ],
    findings: FINDINGS,
    limits: { maxTurns: 40, maxInputTokens: 1_500_000, maxOutputTokens: 64_000 },
    ...overrides,
  };
}

describe("buildReviewPrompt", () => {
  it("lists the deterministic findings compactly, sorted by file and line", () => {
    const { message } = buildReviewPrompt(input());
    expect(message).toContain("Findings already reported by the deterministic checks (2):");
    expect(message).toContain(
      [
        "- [error] ownership-overlap docs/specs/ledger.md:12 — claims services/ledger/post.ts, also claimed by payouts.md (also: docs/specs/payouts.md)",
        '- [warning] glossary-term docs/specs/payouts.md:40 — uses "box" where the glossary says "sandbox"',
      ].join("\n"),
    );
    expect(message).toContain(
      "Please review these 2 specs as a set:\n\n- `docs/specs/ledger.md` — 3 lines (target 200–400)\n- `docs/specs/payouts.md` — 3 lines (target 80–150)",
    );
    expect(message).toContain("Your limits: at most 40 turns");
    expect(message).toContain("1,500,000 input tokens over all turns, 64,000 output tokens.");
    expect(message).toContain("`report_findings`");
  });

  it("says when there are no findings", () => {
    expect(buildReviewPrompt(input({ findings: [] })).message).toContain("checks (0):\n\n- None.");
  });

  it("puts instructions, brief, registry and line-numbered specs sorted by path in the system blocks", () => {
    const { system } = buildReviewPrompt(input());
    expect(system.map((b) => b.cache)).toEqual([false, false, false, false, true]);
    expect(system[0]?.text).toMatch(/^You are reviewing the system specs of the Harbor codebase/);
    expect(system[0]?.text).toContain("(usually 200–400 lines)");
    expect(system[0]?.text).not.toMatch(/\{\{|<!--/);
    expect(system[3]?.text).toBe(
      '<document path="docs/specs/ledger.md" role="spec" lines="3">\n1| # Ledger\n2|\n3| Postings are immutable.\n</document>',
    );
    expect(system[4]?.text).toContain('path="docs/specs/payouts.md"');
  });

  it("notes a missing registry instead of inventing one", () => {
    const { system } = buildReviewPrompt(input({ registry: undefined }));
    expect(system[2]?.text).toContain('role="feature registry" missing="true"');
  });
});
