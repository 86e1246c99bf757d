import { describe, expect, it } from "vitest";
import type { AgentSection, PromptSection } from "../../../src/core/import/import-types.js";
import { splitPromptSections } from "../../../src/core/import/split-prompt-sections.js";

const agents = (sections: PromptSection[]) => sections.filter((s): s is AgentSection => s.kind === "agent");
const fence = "```";

describe("splitPromptSections", () => {
  it("assigns each agent the phase of its enclosing heading", () => {
    const text = [
      "# Prompts",
      "## Phase 1 (first)",
      "### 1. Alpha",
      fence,
      "Spec file: a",
      fence,
      "### 2. Beta",
      fence,
      "x",
      fence,
      "## Phase 2 — after phase 1",
      "### 3. Gamma",
      fence,
      "y",
      fence,
    ].join("\n");
    const { sections, warnings } = splitPromptSections(text);
    expect(warnings).toEqual([]);
    expect(agents(sections).map((s) => [s.title, s.phase, s.headingLine])).toEqual([
      ["Alpha", 1, 3],
      ["Beta", 1, 7],
      ["Gamma", 2, 12],
    ]);
  });

  it("numbers block lines from the line after the fence", () => {
    const text = "## Phase 1\n### 1. Alpha\n\n~~~text\nfirst\nsecond\n~~~\n";
    const [section] = agents(splitPromptSections(text).sections);
    expect(section?.body).toEqual([
      { text: "first", line: 5 },
      { text: "second", line: 6 },
    ]);
  });

  it("finds the consistency check under a Phase heading and under a plain heading", () => {
    for (const heading of ["## Phase 4 — Consistency Check", "## Consistency check"]) {
      const text = `## Phase 1\n### 1. A\n${fence}\nSpec file: a.md\n${fence}\n${heading}\n${fence}\nWrite the results to out.md\n${fence}`;
      const { sections } = splitPromptSections(text);
      expect(sections.map((s) => s.kind)).toEqual(["agent", "review"]);
      expect(sections[1]?.body).toEqual([{ text: "Write the results to out.md", line: 8 }]);
    }
  });

  it("recognises a review prompt by its text under an agent-style heading", () => {
    const text = `### 14. Final pass\n${fence}\nYou are performing a consistency review of all specs.\n${fence}`;
    expect(splitPromptSections(text).sections.map((s) => s.kind)).toEqual(["review"]);
  });

  it("reads an agent section without a fence, with a warning", () => {
    const text =
      "## Phase 2\n### 1. Alpha\n\nYOUR ASSIGNMENT:\n- Spec file: docs/a.md\n\n---\n\n### 2. Beta\n";
    const { sections, warnings } = splitPromptSections(text);
    const [alpha] = agents(sections);
    expect(alpha?.phase).toBe(2);
    expect(alpha?.body.map((l) => l.text).filter(Boolean)).toEqual([
      "YOUR ASSIGNMENT:",
      "- Spec file: docs/a.md",
    ]);
    expect(warnings).toEqual([
      { line: 2, message: expect.stringMatching(/no fenced block/) },
      { line: 9, message: expect.stringMatching(/no prompt under "2. Beta"|no prompt under "Beta"/) },
    ]);
  });

  it("ignores unfenced prose sections silently", () => {
    const text = "## Phase 1\n### Background\nSome words about the project.\n";
    expect(splitPromptSections(text)).toEqual({ sections: [], warnings: [] });
  });

  it("closes a fence that is never closed before the next heading, keeping later agents and line numbers", () => {
    const text = `## Phase 1\n### 1. A\n${fence}\nSpec file: a.md\n### 2. B\n${fence}\nSpec file: b.md\n${fence}`;
    const { sections, warnings } = splitPromptSections(text);
    expect(agents(sections).map((s) => [s.title, s.headingLine, s.body])).toEqual([
      ["A", 2, [{ text: "Spec file: a.md", line: 4 }]],
      ["B", 5, [{ text: "Spec file: b.md", line: 7 }]],
    ]);
    expect(warnings).toEqual([{ line: 3, message: expect.stringMatching(/never closed.*line 5/) }]);
  });

  it.each([
    ["directly under a phase heading", `## Phase 1\n${fence}\nSpec file: a.md\n${fence}`, 2],
    ["before any heading", `${fence}\nx\n${fence}`, 1],
  ])("warns about a fenced block %s", (_name, text, line) => {
    const { sections, warnings } = splitPromptSections(text);
    expect(sections).toEqual([]);
    expect(warnings).toEqual([{ line, message: expect.stringMatching(/not under an agent heading/) }]);
  });

  it("warns about a second block under one agent and a second review", () => {
    const text = `### 1. A\n${fence}\nSpec file: a.md\n${fence}\n${fence}\nmore\n${fence}\n## Consistency\n${fence}\nr\n${fence}\n## Consistency again\n${fence}\nr\n${fence}`;
    const { warnings } = splitPromptSections(text);
    expect(warnings).toEqual([
      { line: 5, message: expect.stringMatching(/only the first fenced block/) },
      { line: 12, message: expect.stringMatching(/second consistency-check/) },
    ]);
  });

  it("resets the phase at a non-phase level-2 heading and rejects Phase 0", () => {
    const text = `## Phase 0\n### 1. A\n${fence}\nSpec file: a.md\n${fence}\n## Phase 3\n## Appendix\n### 2. B\n${fence}\nSpec file: b.md\n${fence}`;
    const { sections, warnings } = splitPromptSections(text);
    expect(agents(sections).map((s) => s.phase)).toEqual([undefined, undefined]);
    expect(warnings).toEqual([{ line: 1, message: expect.stringMatching(/start at 1/) }]);
  });
});

describe("splitPromptSections with unclosed fences", () => {
  it("closes a fence left open at the end of the file before the next heading", () => {
    const text = `### 1. A\n${fence}\nSpec file: a.md\n\n### 2. B\nYOUR ASSIGNMENT:\n- Spec file: b.md`;
    const { sections, warnings } = splitPromptSections(text);
    expect(agents(sections).map((s) => s.title)).toEqual(["A", "B"]);
    expect(warnings[0]).toEqual({ line: 2, message: expect.stringMatching(/never closed.*line 5/) });
  });

  it("leaves a properly closed block alone even when it ends with a heading-like line", () => {
    const text = `### 1. A\n${fence}\nSpec file: a.md\n## Output\n${fence}\nafter\n`;
    const { sections, warnings } = splitPromptSections(text);
    expect(warnings).toEqual([]);
    expect(agents(sections)[0]?.body.map((l) => l.text)).toEqual(["Spec file: a.md", "## Output"]);
  });

  it("warns when the last fence is never closed and no heading follows", () => {
    const { sections, warnings } = splitPromptSections(`### 1. A\n${fence}\nSpec file: a.md\n`);
    expect(agents(sections)).toHaveLength(1);
    expect(warnings).toEqual([{ line: 2, message: "this fenced block is never closed" }]);
  });
});
