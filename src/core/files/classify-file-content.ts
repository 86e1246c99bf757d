/** How many leading bytes are searched for a NUL byte (the same window git uses). */
export const BINARY_SNIFF_BYTES = 8000;

/** The outcome of `classifyFileContent`: decoded text, or binary content that must not be read into prompts. */
export type FileContentClass = { kind: "text"; text: string } | { kind: "binary" };

/**
 * Decides whether file bytes are text. Binary: a NUL byte within the first
 * `BINARY_SNIFF_BYTES` bytes, or bytes that are not valid UTF-8. Text is decoded as
 * UTF-8 with a leading byte-order mark removed. Shared by every snapshot adapter, so a
 * file is classified the same way locally and on GitHub.
 */
export function classifyFileContent(bytes: Uint8Array): FileContentClass {
  const sniffEnd = Math.min(bytes.length, BINARY_SNIFF_BYTES);
  for (let i = 0; i < sniffEnd; i++) {
    if (bytes[i] === 0) return { kind: "binary" };
  }
  try {
    return { kind: "text", text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { kind: "binary" };
  }
}
