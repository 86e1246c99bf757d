import { parseMarkdown } from "../markdown/parse-markdown.js";
import type { DocumentKind, SpecDocument } from "./types.js";

/**
 * Parses a document's text once for every rule. Strips a UTF-8 byte-order mark.
 * Returns the reason instead when the markdown cannot be parsed.
 */
export function buildSpecDocument(
  path: string,
  kind: DocumentKind,
  raw: string,
): SpecDocument | { error: string } {
  const text = raw.startsWith("\uFEFF") ? raw.slice(1) : raw;
  try {
    return { path, kind, text, lines: text.split(/\r?\n/), tree: parseMarkdown(text) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
