import { describe, expect, it } from "vitest";
import { extractGlossary } from "../../../src/core/markdown/extract-glossary.js";
import { specDocument } from "../../helpers/check-context.js";

const brief = (table: string) =>
  specDocument("docs/specs/boundary-brief.md", `# Brief\n\n## 3. Glossary\n\n${table}\n`, "brief");

describe("extractGlossary", () => {
  it("reads term, definition and forbidden words", () => {
    const doc = brief(
      [
        "| Term | Definition | Do NOT call it |",
        "|------|------------|----------------|",
        '| **sandbox** | The isolated VM a session runs in | "environment", "container", "VM" |',
        "| automation run | One execution of an automation | job; task (in prose) |",
        "| snapshot | A saved sandbox filesystem | — |",
      ].join("\n"),
    );
    expect(extractGlossary(doc)).toEqual([
      {
        term: "sandbox",
        definition: "The isolated VM a session runs in",
        forbidden: ["environment", "container", "VM"],
        line: 7,
      },
      {
        term: "automation run",
        definition: "One execution of an automation",
        forbidden: ["job", "task"],
        line: 8,
      },
      { term: "snapshot", definition: "A saved sandbox filesystem", forbidden: [], line: 9 },
    ]);
  });

  it.each([["Avoid"], ["Don't call it"], ["Instead of"], ["Never say"]])(
    "recognises a %s column",
    (header) => {
      const doc = brief(`| Term | ${header} |\n|---|---|\n| hub | manager or broker |`);
      expect(extractGlossary(doc)?.[0]?.forbidden).toEqual(["manager", "broker"]);
    },
  );

  it.each([
    ['"VM", container, box', ["VM", "container", "box"]],
    ['container, "virtual machine" or box', ["virtual machine", "container", "box"]],
    ["Never call it a VM", ["VM"]],
    ['Don\'t say "pod"; avoid node', ["pod", "node"]],
    ["not an environment (ever)", ["environment"]],
  ])("splits the cell %j", (cell, forbidden) => {
    const doc = brief(`| Term | Do NOT call it |\n|---|---|\n| sandbox | ${cell} |`);
    expect(extractGlossary(doc)?.[0]?.forbidden).toEqual(forbidden);
  });

  it("returns undefined when no table has a forbidden-terms column", () => {
    expect(extractGlossary(brief("| Term | Definition |\n|---|---|\n| hub | x |"))).toBeUndefined();
  });

  it("drops a forbidden word equal to the term itself", () => {
    expect(
      extractGlossary(brief("| Term | Do NOT call it |\n|---|---|\n| hub | Hub, broker |"))?.[0]?.forbidden,
    ).toEqual(["broker"]);
  });
});
