import { formatTokens } from "./format-units.js";

/** GitHub's limit for issue/PR bodies and comments, in characters. */
export const GITHUB_BODY_LIMIT = 65_536;
/** GitHub's limit for a check run's `output.summary` (and `output.text`), in characters. */
export const GITHUB_CHECK_SUMMARY_LIMIT = 65_535;

/** How to shorten a list. */
export interface TruncateListOptions {
  /** Keep at most this many items. */
  maxItems?: number;
  /** Keep items while their lengths plus one newline each stay within this many characters (the "more" line included). */
  maxChars?: number;
  /** The line that replaces the dropped items; default `… and N more`. */
  more?: (omitted: number) => string;
}

/**
 * Keeps the first items of a rendered list that fit the limits and replaces the rest with one
 * clear line (`… and 12 more`). Returns the list unchanged when it fits.
 */
export function truncateList(items: readonly string[], options: TruncateListOptions): string[] {
  const more = options.more ?? ((n: number) => `… and ${n} more`);
  const maxItems = options.maxItems ?? Number.POSITIVE_INFINITY;
  const maxChars = options.maxChars ?? Number.POSITIVE_INFINITY;
  const size = (lines: readonly string[]) => lines.reduce((sum, line) => sum + line.length + 1, 0);
  if (items.length <= maxItems && size(items) <= maxChars) return [...items];
  const kept: string[] = [];
  let used = 0;
  for (const [index, item] of items.entries()) {
    const omittedAfter = items.length - index - 1;
    const reserve = omittedAfter > 0 ? more(omittedAfter).length + 1 : 0;
    if (kept.length >= maxItems || used + item.length + 1 + reserve > maxChars) break;
    kept.push(item);
    used += item.length + 1;
  }
  // Removing an item makes the "more" line count one higher: drop items until it fits.
  while (kept.length > 0 && used + more(items.length - kept.length).length + 1 > maxChars) {
    used -= (kept.pop() ?? "").length + 1;
  }
  return [...kept, more(items.length - kept.length)];
}

/**
 * Last-resort cut so a text fits GitHub's limit: cuts at a line break, closes an open code
 * fence and open `<details>` blocks, and ends with a note saying how much was left out.
 * Renderers shorten their lists first (`truncateList`); this only guards the limit.
 */
export function truncateForGithub(text: string, limit: number = GITHUB_BODY_LIMIT): string {
  if (text.length <= limit) return text;
  const note = (dropped: number) =>
    `\n\n_… ${formatTokens(dropped)} more characters left out: GitHub allows ${formatTokens(limit)}._`;
  const closersFor = (kept: string) => {
    const fences = kept.split("\n").filter((line) => /^\s*(```|~~~)/.test(line)).length;
    const openDetails =
      (kept.match(/<details[\s>]/g) ?? []).length - (kept.match(/<\/details>/g) ?? []).length;
    return `${fences % 2 === 1 ? "\n```" : ""}${"\n</details>".repeat(Math.max(0, openDetails))}`;
  };
  let end = Math.max(0, limit - note(text.length).length - 200);
  for (;;) {
    const lineEnd = text.lastIndexOf("\n", end);
    const kept = text.slice(0, lineEnd > 0 ? lineEnd : end);
    const out = `${kept}${closersFor(kept)}${note(text.length - kept.length)}`;
    if (out.length <= limit || end === 0) return out.slice(0, limit);
    end = Math.max(0, end - (out.length - limit) - 1);
  }
}
