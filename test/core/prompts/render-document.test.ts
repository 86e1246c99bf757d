import { describe, expect, it } from "vitest";
import { renderBullets } from "../../../src/core/prompts/render-bullets.js";
import { renderDocument } from "../../../src/core/prompts/render-document.js";

describe("renderDocument", () => {
  it.each([
    [
      { path: "a.md", role: "spec", text: "x\r\ny\n\n" },
      '<document path="a.md" role="spec">\nx\ny\n</document>',
    ],
    [
      { path: 'we"ird&<.md', role: "spec", text: "x" },
      '<document path="we&quot;ird&amp;&lt;.md" role="spec">\nx\n</document>',
    ],
    [
      { path: "a.md", role: "spec", text: undefined },
      '<document path="a.md" role="spec" missing="true">\nThis file does not exist at this commit.\n</document>',
    ],
    [
      {
        path: "a.md",
        role: "spec",
        text: Array.from({ length: 10 }, (_, i) => `l${i + 1}`).join("\n"),
        lineNumbers: true,
      },
      `<document path="a.md" role="spec" lines="10">\n${[" 1| l1", " 2| l2", " 3| l3", " 4| l4", " 5| l5", " 6| l6", " 7| l7", " 8| l8", " 9| l9", "10| l10"].join("\n")}\n</document>`,
    ],
    [
      { path: "e.md", role: "spec", text: "", lineNumbers: true },
      '<document path="e.md" role="spec" lines="0">\n\n</document>',
    ],
  ])("renders %o", (doc, expected) => {
    expect(renderDocument(doc)).toBe(expected);
  });
});

describe("renderBullets", () => {
  it.each([
    [["a", "b"], "- a\n- b"],
    [["multi\n  line", "  ", "c"], "- multi line\n- c"],
    [[], "- nothing"],
  ])("renders %j", (items, expected) => {
    expect(renderBullets(items, "nothing")).toBe(expected);
  });
});
