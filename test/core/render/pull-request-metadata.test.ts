import { describe, expect, it } from "vitest";
import { readRunMetadata, renderRunMetadata } from "../../../src/core/render/pull-request-metadata.js";

describe("run metadata marker", () => {
  it("round-trips, escaping `<` and `>` so the JSON cannot end the HTML comment", () => {
    const meta = {
      target: "spec-gift-wrapping",
      kind: "implementation",
      commit: "3f9c2e71b8d04a6e5c1f2a9b7d3e8c0a4b6f1d2e",
      source: "docs/discovery/<gift>-->wrapping.md",
    };
    const marker = renderRunMetadata(meta);
    expect(marker).not.toContain("<gift>");
    expect(marker.match(/-->/g)).toHaveLength(1);
    expect(readRunMetadata(`<!-- specwright:pr:x -->\n${marker}\n## What changed`)).toEqual(meta);
  });

  it.each([
    ["no marker", "## A pull request someone wrote"],
    ["broken JSON", '<!-- specwright:run {"target": -->'],
    ["missing target", '<!-- specwright:run {"kind":"system","commit":"abc"} -->'],
    [
      "a source that is not text",
      '<!-- specwright:run {"target":"t","kind":"k","commit":"c","source":42} -->',
    ],
  ])("is undefined for %s", (_name, body) => {
    expect(readRunMetadata(body)).toBeUndefined();
  });
});
