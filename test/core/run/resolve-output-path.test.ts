import { describe, expect, it } from "vitest";
import { SpecwrightError } from "../../../src/core/errors.js";
import { resolveOutputPath } from "../../../src/core/run/resolve-output-path.js";

describe("resolveOutputPath", () => {
  it.each([
    ["specs/{slug}.md", "order-export", "specs/order-export.md"],
    ["./docs//impl/{slug}.md", "order-export", "docs/impl/order-export.md"],
    ["{slug}.md", "x", "x.md"],
    ["specs/{slug}/{slug}.md", "carrier-webhooks", "specs/carrier-webhooks/carrier-webhooks.md"],
    ["specs\\{slug}.md", "a", "specs/a.md"],
  ])("%s with %s → %s", (pattern, slug, path) => {
    expect(resolveOutputPath(pattern, slug)).toBe(path);
  });

  it.each([
    ["specs/spec.md", "a", /no \{slug\} placeholder/],
    ["specs/{slug}.md", "", /not a single file-name segment/],
    ["specs/{slug}.md", "..", /not a single file-name segment/],
    ["specs/{slug}.md", "a/b", /not a single file-name segment/],
    ["../outside/{slug}.md", "a", /does not give a path inside the repository/],
    ["/abs/{slug}.md", "a", /does not give a path inside the repository/],
    ["specs/{slug}.txt", "a", /not a \.md file/],
  ])("rejects %s with slug %j", (pattern, slug, message) => {
    const call = () => resolveOutputPath(pattern, slug);
    expect(call).toThrow(SpecwrightError);
    expect(call).toThrow(message);
    try {
      call();
    } catch (error) {
      expect((error as SpecwrightError).hint).toMatch(/\S/);
    }
  });
});
