import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  buildImplementationSpecPrompt,
  type BuildImplementationSpecPromptInput,
} from "../../../src/core/prompts/build-implementation-spec-prompt.js";
import { listTemplateSections } from "../../../src/core/prompts/list-template-sections.js";

const read = (file: string): string =>
  readFileSync(new URL(`../../../prompts/${file}`, import.meta.url), "utf8");

const DISCOVERY = `# Discovery: Invoice export

## Problem
Finance exports invoices by hand from the admin screen every month.

## Solution overview
A scheduled job writes a CSV of last month's invoices to the finance bucket.

## Reference files
- \`billing/invoices/query.ts\` — how invoices are listed today

## Open questions
- Should credit notes be included?
`;

function input(
  overrides: Partial<BuildImplementationSpecPromptInput> = {},
): BuildImplementationSpecPromptInput {
  return {
    prompt: { text: read("implementation-spec.md"), source: "prompts/implementation-spec.md (built-in)" },
    specTemplate: {
      text: read("implementation-spec-template.md"),
      source: "prompts/implementation-spec-template.md",
    },
    repoName: "acme/harbor",
    today: "2026-03-14",
    discovery: { source: "docs/discovery/invoice-export.md", text: DISCOVERY },
    outputPath: "specs/invoice-export.md",
    limits: { maxTurns: 30, maxInputTokens: 900_000, maxOutputTokens: 48_000 },
    ...overrides,
  };
}

const SECTIONS = [
  "Meta",
  "Overview",
  "Skills",
  "Requirements",
  "Architecture",
  "Reference Files",
  "Execution Plan",
  "Acceptance Criteria",
  "Completion Promise",
  "Notes",
];

describe("listTemplateSections", () => {
  it("lists the built-in template's ## sections in order", () => {
    expect(listTemplateSections(read("implementation-spec-template.md"))).toEqual(SECTIONS);
  });

  it("ignores headings inside code blocks", () => {
    expect(listTemplateSections("## A\n\n```md\n## Not a section\n```\n\n### Sub\n\n## B\n")).toEqual([
      "A",
      "B",
    ]);
  });
});

describe("buildImplementationSpecPrompt", () => {
  it.each([["implementation-spec.md"], ["agent-spec.md"]])(
    "%s: one cached system block with the section list and the template",
    (file) => {
      const { system } = buildImplementationSpecPrompt(input({ prompt: { text: read(file), source: file } }));
      expect(system).toHaveLength(1);
      expect(system[0]?.cache).toBe(true);
      const text = system[0]?.text ?? "";
      expect(text).toContain(SECTIONS.map((s, i) => `${i + 1}. ${s}`).join("\n"));
      expect(text).toContain("<spec-template>\n# <Title of the work>\n");
      expect(text).toContain("### Questions for reviewers");
      expect(text).not.toMatch(/\{\{|<!--/);
      // Nothing job-specific in the cacheable block.
      expect(text).not.toContain("2026-03-14");
      expect(text).not.toContain("Invoice export");
    },
  );

  it("sends the discovery document, repository, date and output path in the first user message", () => {
    const { message } = buildImplementationSpecPrompt(input());
    expect(message).toContain("- Repository: acme/harbor\n- Today's date: 2026-03-14\n");
    expect(message).toContain("- The spec will be saved as: `specs/invoice-export.md`");
    expect(message).toContain(
      "- Your limits: at most 30 turns (each reply is one turn, however many tools it calls), 900,000 input tokens over all turns, 48,000 output tokens.",
    );
    expect(message).toContain(
      `<document path="docs/discovery/invoice-export.md">\n${DISCOVERY.trim()}\n</document>`,
    );
  });

  it("uses a repository's own template and its sections", () => {
    const own = "# <Title>\n\n## Summary\n\n## Tasks\n\n## Done when\n";
    const { system } = buildImplementationSpecPrompt(
      input({ specTemplate: { text: own, source: "docs/spec-template.md" } }),
    );
    expect(system[0]?.text).toContain("1. Summary\n2. Tasks\n3. Done when");
    expect(system[0]?.text).not.toContain("Completion Promise\n");
  });

  it("keeps braces in the discovery document as they are", () => {
    const { message } = buildImplementationSpecPrompt(
      input({ discovery: { source: "issue #12", text: "Render {{customer}} in the header." } }),
    );
    expect(message).toContain("Render {{customer}} in the header.");
  });
});
