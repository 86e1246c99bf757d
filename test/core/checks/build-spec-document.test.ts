import { describe, expect, it } from "vitest";
import { buildSpecDocument } from "../../../src/core/checks/build-spec-document.js";

describe("buildSpecDocument", () => {
  it("parses once, strips a byte-order mark and splits CRLF lines", () => {
    const doc = buildSpecDocument("docs/specs/a.md", "system", "\uFEFF# A\r\n\r\n## 1. Overview\r\n");
    if ("error" in doc) throw new Error(doc.error);
    expect(doc.text.startsWith("# A")).toBe(true);
    expect(doc.lines).toEqual(["# A", "", "## 1. Overview", ""]);
    expect(doc.tree.children.map((n) => n.type)).toEqual(["heading", "heading"]);
    expect(doc.tree.children[1]?.position?.start.line).toBe(3);
  });
});
