import type { Citation, SourceText } from "../types.js";

/** Why an anchor does not resolve, or `unreadable` when the file could not be read to tell. */
export type AnchorProblem =
  | { kind: "identifier"; name: string }
  | { kind: "lines"; start: number; end: number; lineCount: number }
  | { kind: "unreadable"; reason: string };

const wordCache = new Map<string, RegExp>();

function occurs(text: string, word: string): boolean {
  if (!text.includes(word)) return false;
  let re = wordCache.get(word);
  if (!re) {
    re = new RegExp(`(?<![\\w$])${word.replace(/[$]/g, "\\$")}(?![\\w$])`);
    if (wordCache.size > 5000) wordCache.clear();
    wordCache.set(word, re);
  }
  return re.test(text);
}

/**
 * Checks a citation's anchor against the cited file's text: every part of `path:Class.method`
 * must occur as a whole word; `path:12-40` must lie within the file. Returns undefined when the
 * anchor resolves or there is nothing to check (no anchor, or the file was not loaded).
 */
export function checkAnchor(citation: Citation, source: SourceText | undefined): AnchorProblem | undefined {
  const anchor = citation.anchor;
  if (!anchor || !source) return undefined;
  if (source.kind === "unreadable") return { kind: "unreadable", reason: source.reason };
  if (anchor.kind === "identifier") {
    const parts = anchor.name.split(/[.#]/).filter(Boolean);
    return parts.every((p) => occurs(source.text, p)) ? undefined : { kind: "identifier", name: anchor.name };
  }
  const { start, end } = anchor;
  if (start >= 1 && end >= start && end <= source.lineCount) return undefined;
  return { kind: "lines", start, end, lineCount: source.lineCount };
}
