import { describe, expect, it } from "vitest";
import { findingId } from "../../../src/core/checks/finding-id.js";

describe("findingId", () => {
  const draft = {
    rule: "citation-missing" as const,
    file: "docs/specs/a.md",
    subjects: ["src/x.ts", "docs/specs/a.md"],
  };

  it("is a fixed value for fixed input (stable across runs and releases)", () => {
    expect(findingId(draft)).toMatchInlineSnapshot(`"SW-63af99b1"`);
    expect(findingId(draft)).toMatch(/^SW-[0-9a-f]{8}$/);
  });

  it("ignores subject order and duplicates, and treats the file as a subject", () => {
    expect(findingId({ ...draft, subjects: ["docs/specs/a.md", "src/x.ts", "src/x.ts"] })).toBe(
      findingId(draft),
    );
    expect(findingId({ ...draft, subjects: ["src/x.ts"] })).toBe(findingId(draft));
  });

  it.each([
    ["another rule", { ...draft, rule: "anchor-unresolved" as const }],
    ["another subject", { ...draft, subjects: ["src/y.ts", "docs/specs/a.md"] }],
    ["another file", { ...draft, file: "docs/specs/b.md", subjects: ["src/x.ts"] }],
  ])("changes with %s", (_name, other) => {
    expect(findingId(other)).not.toBe(findingId(draft));
  });

  it("does not confuse subject boundaries", () => {
    expect(findingId({ ...draft, subjects: ["ab", "c"] })).not.toBe(
      findingId({ ...draft, subjects: ["a", "bc"] }),
    );
  });
});
