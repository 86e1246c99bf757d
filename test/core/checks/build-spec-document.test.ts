import { describe, expect, it } from "vitest";
import { buildSpecDocument, MAX_NESTING_DEPTH } from "../../../src/core/checks/build-spec-document.js";

describe("buildSpecDocument", () => {
  it("parses once, strips a byte-order mark and splits CRLF lines", () => {
    const doc = buildSpecDocument("docs/specs/a.md", "system", "\uFEFF# A\r\n\r\n## 1. Overview\r\n");
    if ("error" in doc) throw new Error(doc.error);
    expect(doc.text.startsWith("# A")).toBe(true);
    expect(doc.lines).toEqual(["# A", "", "## 1. Overview", ""]);
    expect(doc.tree.children.map((n) => n.type)).toEqual(["heading", "heading"]);
    expect(doc.tree.children[1]?.position?.start.line).toBe(3);
  });

  it.each([
    ["20,000 block quotes on one line", `${">".repeat(20_000)} deep`],
    ["20,000 spaced block quotes", `${"> ".repeat(20_000)}deep`],
    ["5,000 list markers on one line", `${"- ".repeat(5_000)}x`],
    ["ordered list markers", `${"1. ".repeat(3_000)}x`],
    [
      "lists nested by indentation",
      Array.from({ length: 400 }, (_, i) => `${"  ".repeat(i)}- level ${i}`).join("\n"),
    ],
  ])("refuses %s as too deeply nested, without crashing", (_name, text) => {
    const doc = buildSpecDocument("docs/specs/deep.md", "system", `# Deep\n\n${text}\n`);
    expect("error" in doc).toBe(true);
    if (!("error" in doc)) return;
    expect(doc.message).toMatch(/too deeply nested to check/);
    expect(doc.message).toContain(String(MAX_NESTING_DEPTH));
    expect(doc.fix).not.toBe("");
  });

  it.each([
    ["a few nested quotes", `${"> ".repeat(20)}quoted`],
    ["a nested list", Array.from({ length: 30 }, (_, i) => `${"  ".repeat(i)}- level ${i}`).join("\n")],
    ["a thematic break of dashes", `${"- ".repeat(300)}`],
  ])("accepts %s", (_name, text) => {
    const doc = buildSpecDocument("docs/specs/ok.md", "system", `# Ok\n\n${text}\n`);
    expect("error" in doc).toBe(false);
  });
});
