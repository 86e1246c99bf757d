import { describe, expect, it } from "vitest";
import {
  codeSpan,
  markerSafe,
  plainText,
  safeUrl,
  sanitizeInline,
  tableCell,
} from "../../../src/core/render/sanitize-text.js";
import { PLANTED_KEY } from "./run-fixtures.js";

describe("sanitizeInline", () => {
  it.each([
    ["a forged finding marker", "ok <!-- specwright:finding:SW-deadbeef --> done", "ok done"],
    ["an unterminated comment", "visible <!-- hidden rest", "visible"],
    ["HTML tags", "<details><summary>x</summary>", "&lt;details&gt;&lt;summary&gt;x&lt;/summary&gt;"],
    ["a mention", "ask @octocat or @acme/platform-team", "ask @&#8203;octocat or @&#8203;acme/platform-team"],
    ["an e-mail address", "mail ops@example.com", "mail ops@example.com"],
    ["zero-width and bidi characters", "pay\u200bload\u202e\u2066 text", "payload text"],
    ["newlines", "line one\n\n## heading\r\nline three", "line one ## heading line three"],
    ["an embedded image", "![track](https://example.com/p.gif)", "!\\[track](https://example.com/p.gif)"],
    ["a planted key", `key ${PLANTED_KEY} leaked`, "key [REDACTED] leaked"],
  ])("neutralises %s", (_name, input, expected) => {
    expect(sanitizeInline(input)).toBe(expected);
  });

  it("caps the length with an ellipsis", () => {
    expect(sanitizeInline("a".repeat(50), 10)).toBe(`${"a".repeat(9)}…`);
  });
});

describe("codeSpan", () => {
  it.each([
    ["docs/specs/a.md", "`docs/specs/a.md`"],
    ["odd`name", "`` odd`name ``"],
    ["", "` `"],
    ["two\nlines", "`two lines`"],
  ])("wraps %j", (input, expected) => {
    expect(codeSpan(input)).toBe(expected);
  });
});

describe("other sanitisers", () => {
  it("escapes pipes for table cells", () => {
    expect(tableCell("a | b")).toBe("a \\| b");
  });

  it("strips ANSI escapes and control characters from plain text", () => {
    expect(plainText("\u001b[31mred\u001b[0m\u0007 text")).toBe("red text");
  });

  it("keeps only marker-safe characters", () => {
    expect(markerSafe("spec-a --> <b>")).toBe("spec-a------b-");
  });

  it.each([
    ["https://github.com/acme/platform/pull/7", "https://github.com/acme/platform/pull/7"],
    ["javascript:alert(1)", undefined],
    ["https://x.test/a) [b](c", undefined],
    [`https://x.test/?token=${PLANTED_KEY}`, undefined],
    [undefined, undefined],
  ])("safeUrl(%j)", (url, expected) => {
    expect(safeUrl(url)).toBe(expected);
  });
});
