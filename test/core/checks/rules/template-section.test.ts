import { describe, expect, it } from "vitest";
import { templateSectionRule } from "../../../../src/core/checks/rules/template-section.js";
import { buildCheckContext } from "../../../helpers/check-context.js";
import { SECTION_NAMES, systemSpec, TEMPLATE, TEMPLATE_PATH } from "./system-fixtures.js";

const run = (spec: string, template: string | null = TEMPLATE) =>
  templateSectionRule.run(
    buildCheckContext({
      files: { "docs/specs/hub.md": spec, ...(template === null ? {} : { [TEMPLATE_PATH]: template }) },
    }),
  );

const headings = (names: string[]) =>
  ["# Hub", "", ...names.flatMap((n) => [`## ${n}`, "", "Text.", ""])].join("\n");
const numbered = SECTION_NAMES.map((n, i) => `${i + 1}. ${n}`);

describe("template-section", () => {
  it("accepts a spec with every section, exactly named, in order", () => {
    expect(run(systemSpec("Hub"))).toEqual([]);
  });

  it("accepts extra ### subsections and extra text", () => {
    expect(
      run(systemSpec("Hub", { 6: "### 6.1 Hub manager\n\nDetails.\n\n### 6.2 Store\n\nMore." })),
    ).toEqual([]);
  });

  it.each([
    [
      "a missing section",
      numbered.filter((n) => !n.includes("Data Models")),
      "error",
      "missing:4. Data Models",
      /"4\. Data Models" is missing/,
    ],
    [
      "a renamed section",
      numbered.map((n) => (n === "3. File Tree" ? "3. Files" : n)),
      "warning",
      "title:3. File Tree",
      /"3\. Files" should be titled "3\. File Tree"/,
    ],
    [
      "a renumbered section",
      numbered.map((n) => (n === "3. File Tree" ? "4. File Tree" : n)),
      "warning",
      "title:3. File Tree",
      /should be titled/,
    ],
    [
      "wrong capitalisation",
      numbered.map((n) => (n === "2. Core Concepts" ? "2. Core concepts" : n)),
      "warning",
      "title:2. Core Concepts",
      /should be titled/,
    ],
    [
      "sections out of order",
      [numbered[0], numbered[2], numbered[1], ...numbered.slice(3)] as string[],
      "warning",
      "order:3. File Tree",
      /comes before "2\. Core Concepts"|"2\. Core Concepts" comes before/,
    ],
  ])("reports %s", (_name, names, severity, subject, message) => {
    const findings = run(headings(names));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "template-section",
      severity,
      file: "docs/specs/hub.md",
      specs: ["docs/specs/hub.md"],
    });
    expect(findings[0]?.message).toMatch(message);
    expect(findings[0]?.line).toBeGreaterThan(0);
    expect(findings[0]?.fix).not.toBe("");
    expect(["missing", "title", "order"].some((p) => findings[0]?.subjects[0]?.startsWith(p))).toBe(true);
    if (!subject.startsWith("order")) expect(findings[0]?.subjects).toEqual([subject]);
  });

  it("derives the required sections from the template, not a fixed list", () => {
    const template = "# [Name]\n\n## 1. Purpose\n\n## 2. Interfaces\n";
    expect(run(headings(["1. Purpose", "2. Interfaces"]), template)).toEqual([]);
    // Sections 1 and 2 exist under other names: found by number, they should be renamed.
    expect(run(systemSpec("Hub"), template).map((f) => f.subjects[0])).toEqual([
      "title:1. Purpose",
      "title:2. Interfaces",
    ]);
    expect(run(headings(["1. Purpose"]), template).map((f) => f.subjects[0])).toEqual([
      "missing:2. Interfaces",
    ]);
  });

  it("reports a missing template once, as input info", () => {
    expect(run(systemSpec("Hub"), null)).toEqual([
      expect.objectContaining({
        rule: "input",
        severity: "info",
        file: TEMPLATE_PATH,
        message: expect.stringContaining("`template-section` was skipped"),
      }),
    ]);
  });

  it("reports a template without ## sections as input info", () => {
    expect(run(systemSpec("Hub"), "# Just a title\n\nSome text.\n")).toEqual([
      expect.objectContaining({
        rule: "input",
        severity: "info",
        message: expect.stringContaining("has no `##` sections"),
      }),
    ]);
  });
});
