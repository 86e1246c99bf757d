import { describe, expect, it } from "vitest";
import { headingSlugs, slugifyHeading } from "../../../src/core/markdown/heading-slugs.js";
import { specDocument } from "../../helpers/check-context.js";

describe("slugifyHeading", () => {
  it.each([
    ["6.2 Hub Manager", "62-hub-manager"],
    ["Sessions & Gateway", "sessions--gateway"],
    ["What `verify` does?", "what-verify-does"],
  ])("%s → %s", (text, slug) => {
    expect(slugifyHeading(text)).toBe(slug);
  });

  it("numbers repeated headings", () => {
    const doc = specDocument("a.md", "# A\n\n## Notes\n\n## Notes\n");
    expect([...headingSlugs(doc.tree)]).toEqual(["a", "notes", "notes-1"]);
  });
});
