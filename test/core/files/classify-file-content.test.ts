import { describe, expect, it } from "vitest";
import { BINARY_SNIFF_BYTES, classifyFileContent } from "../../../src/core/files/classify-file-content.js";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("classifyFileContent", () => {
  it.each([
    ["plain ASCII", utf8("# Title\n\nBody text.\n"), "# Title\n\nBody text.\n"],
    ["multi-byte UTF-8", utf8("naïve café — 日本語 ✓\n"), "naïve café — 日本語 ✓\n"],
    ["an empty file", new Uint8Array(0), ""],
    ["a byte-order mark (removed)", new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69]), "hi"],
    [
      "a NUL byte after the sniff window",
      new Uint8Array([...utf8("x".repeat(BINARY_SNIFF_BYTES)), 0]),
      `${"x".repeat(BINARY_SNIFF_BYTES)}\u0000`,
    ],
  ])("reads %s as text", (_name, bytes, text) => {
    expect(classifyFileContent(bytes)).toEqual({ kind: "text", text });
  });

  it.each([
    [
      "a PNG header",
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
    ],
    ["a NUL byte in otherwise valid text", utf8("abc\u0000def")],
    [
      "a NUL byte at the end of the sniff window",
      new Uint8Array([...utf8("y".repeat(BINARY_SNIFF_BYTES - 1)), 0]),
    ],
    ["Latin-1 bytes (invalid UTF-8)", new Uint8Array([0x63, 0x61, 0x66, 0xe9])],
    ["a truncated multi-byte sequence", new Uint8Array([0x41, 0xe2, 0x82])],
    ["an overlong encoding", new Uint8Array([0xc0, 0xaf])],
    ["a lone UTF-16 surrogate encoded as UTF-8", new Uint8Array([0xed, 0xa0, 0x80])],
  ])("reports %s as binary", (_name, bytes) => {
    expect(classifyFileContent(bytes)).toEqual({ kind: "binary" });
  });
});
