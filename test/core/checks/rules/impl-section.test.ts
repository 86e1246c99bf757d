import { describe, expect, it } from "vitest";
import { implSectionRule } from "../../../../src/core/checks/rules/impl-section.js";
import { GOOD_IMPL_SPEC, implContext, lineOf, variant } from "../impl-fixtures.js";

const run = (text: string) => implSectionRule.run(implContext({ "specs/x.md": text }));

describe("impl-section", () => {
  it("accepts a spec with every template section", () => {
    expect(run(GOOD_IMPL_SPEC)).toEqual([]);
  });

  it.each([
    ["Overview", "error"],
    ["Reference Files", "error"],
    ["Completion Promise", "error"],
    ["Architecture", "warning"],
  ] as const)("reports a missing %s section (%s)", (name, severity) => {
    const text = variant(`## ${name}\n`, `## Something else\n`);
    const findings = run(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: "impl-section", severity, file: "specs/x.md" });
    expect(findings[0]?.message).toContain(`"${name}"`);
  });

  it("points a missing section at the next present one", () => {
    const text = variant("## Skills\n", "## Skillz\n");
    expect(run(text)[0]?.line).toBe(lineOf(text, "## Requirements"));
  });

  it("accepts numbered headings and ignores extra sections", () => {
    const text = GOOD_IMPL_SPEC.replace("## Meta", "## 1. Meta").replace(
      "## Notes",
      "## Open Questions\n\nNone.\n\n## Notes",
    );
    expect(run(text)).toEqual([]);
  });

  it("reports a section written at the wrong heading level", () => {
    const text = variant("## Notes", "### Notes");
    expect(run(text)).toEqual([
      expect.objectContaining({ severity: "warning", line: lineOf(text, "### Notes") }),
    ]);
  });

  it("reports sections out of order and duplicates", () => {
    const moved = GOOD_IMPL_SPEC.replace(
      "## Overview\n\nFinance wants a CSV export of invoices per billing period.\n\n",
      "",
    );
    const text = moved.replace("## Notes", "## Overview\n\nMoved.\n\n## Notes\n\n## Notes");
    const findings = run(text);
    expect(findings.map((f) => f.message)).toEqual([
      'Section "Notes" appears 2 times.',
      'Section "Overview" comes after "Completion Promise"; the template orders it before.',
    ]);
  });
});
