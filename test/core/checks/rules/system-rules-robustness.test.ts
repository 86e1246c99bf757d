import { describe, expect, it } from "vitest";
import { SYSTEM_RULES } from "../../../../src/core/checks/system-rules.js";
import { RULE_IDS } from "../../../../src/core/checks/types.js";
import { buildCheckContext } from "../../../helpers/check-context.js";
import { BRIEF_PATH, REGISTRY_PATH, TEMPLATE, TEMPLATE_PATH } from "./system-fixtures.js";

const ODD_INPUTS: [string, string][] = [
  ["an empty file", ""],
  ["only whitespace", "\n\n   \n"],
  ["CRLF line endings", "# A\r\n\r\n## 1. Overview\r\n\r\nSee `apps/x.ts:12`.\r\n"],
  ["an unclosed fence", "# A\n\n```\n├── a/\n│   └── b.ts\n"],
  ["ragged tables", "| Feature | Status |\n|---|---|\n| a |\n| b | Done | extra | cells |\n|"],
  ["a tree of only glyphs", "```\n├──\n│\n└── \n```"],
  ["odd headings", "## \n\n## 1.\n\n## §\n\n###### 9.9.9.9 Deep"],
  ["control characters", "# A\u0000\u0007\n\n`src/\u0000.ts` §\u00001"],
  [
    "a very long line",
    `# A\n\n${"apps/a-b-c/".repeat(20_000)}x.ts ${"word ".repeat(20_000)} ${"§".repeat(5_000)} ${"a.md".repeat(5_000)}`,
  ],
  ["deep nesting", `${"> ".repeat(150)}- \`src/a.ts\``],
  // 200 KB single lines that made backtracking regexes quadratic (each took seconds to minutes).
  ["a 200 KB token after an exemption word", `not ${"a".repeat(200_000)} \`src/a.ts\``],
  ["a 200 KB dashed word after an example", `example ${"a-".repeat(100_000)} \`src/a.ts\``],
  ["200 KB of spaces after a section sign", `See §1${" ".repeat(200_000)}x and a.md${" ".repeat(200_000)}y`],
  ["a 200 KB tree note", `## 3. File Tree\n\n\`\`\`\nsrc/\n└── a.ts   # ${"b".repeat(200_000)}\n\`\`\``],
  [
    "a 200 KB table row",
    `## 4. Data Models\n\n| Table | Owner |\n|---|---|\n| t | ${"c".repeat(200_000)} |\n\n| Feature | Status |\n|---|---|\n| f | ${"Done ".repeat(40_000)} |`,
  ],
  ["200 KB of punctuation around a path", `x/${")".repeat(200_000)}a ${"(".repeat(100_000)}b/c.ts`],
];

describe("system rules on odd input", () => {
  it("registers exactly one rule per system rule id, in order", () => {
    expect(SYSTEM_RULES.map((r) => r.id)).toEqual(RULE_IDS.slice(0, 10));
    for (const rule of SYSTEM_RULES) expect(rule.description.length).toBeGreaterThan(10);
  });

  it.each(ODD_INPUTS)("never throw on %s (as spec, brief, registry and template)", (_name, text) => {
    const ctx = buildCheckContext({
      files: {
        "docs/specs/a.md": text,
        "specs/b.md": text,
        [BRIEF_PATH]: text,
        [REGISTRY_PATH]: text,
        [TEMPLATE_PATH]: text,
      },
    });
    const started = performance.now();
    for (const rule of SYSTEM_RULES) {
      for (const f of rule.run(ctx)) {
        expect(f.rule === rule.id || f.rule === "input").toBe(true);
        expect(f.line === undefined || f.line >= 1).toBe(true);
        expect(f.subjects.length).toBeGreaterThan(0);
        expect(f.message).not.toBe("");
        expect(f.fix).not.toBe("");
      }
    }
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("produces no findings for a clean, consistent repository", () => {
    const spec = (title: string, owned: string, extra = "") =>
      [
        `# ${title}`,
        "",
        "## 1. Overview",
        "",
        `Owns \`${owned}\`. ${extra}`,
        "",
        "## 2. Core Concepts",
        "",
        "A sandbox runs each session.",
        "",
        "## 3. File Tree",
        "",
        "```",
        `${owned}`,
        "└── index.ts",
        "```",
        "",
        "## 4. Data Models",
        "",
        "None.",
        "",
        "## 5. Features",
        "",
        "| Feature | Status | Evidence |",
        "|---|---|---|",
        `| ${title} core | Implemented | \`${owned}index.ts:start\` |`,
        "",
        "## 6. Deep Dives",
        "",
        "## 7. Cross-Cutting Concerns",
        "",
        "## 8. Known Limitations",
        "",
      ].join("\n");
    const ctx = buildCheckContext({
      files: {
        [TEMPLATE_PATH]: TEMPLATE,
        [BRIEF_PATH]:
          '# Brief\n\n| Term | Definition | Do NOT call it |\n|---|---|---|\n| sandbox | x | "container" |\n',
        [REGISTRY_PATH]:
          "# Registry\n\n## 1. Alpha\n\n| Feature | Status | Evidence |\n|---|---|---|\n| Alpha core | Implemented | `apps/alpha/index.ts:start` |\n\n## 2. Beta\n\n| Feature | Status | Evidence |\n|---|---|---|\n| Beta core | Implemented | `apps/beta/index.ts` |\n",
        "docs/specs/alpha.md": spec(
          "Alpha",
          "apps/alpha/",
          "See beta.md §3 and [beta](beta.md#3-file-tree).",
        ),
        "docs/specs/beta.md": spec("Beta", "apps/beta/", "See alpha.md §5."),
        "apps/alpha/index.ts": "export function start() {}\n",
        "apps/beta/index.ts": "export function start() {}\n",
      },
      config: {
        systemSpecs: {
          lines: { min: 10, max: 100 },
          agents: [
            { name: "alpha", registrySection: 1 },
            { name: "beta", registrySection: 2 },
          ],
        },
      },
    });
    expect(SYSTEM_RULES.flatMap((r) => r.run(ctx))).toEqual([]);
  });
});
