import type { OutOfScopeItem } from "./import-types.js";
import { splitTrailingParenthetical } from "./split-trailing-parenthetical.js";

const MD_FILE_RE = /`?([A-Za-z0-9_./-]*[A-Za-z0-9_-]\.md)`?/;
const EDGE_PUNCTUATION_RE = /^[\s—–:;,-]+|[\s—–:;,-]+$/g;

/**
 * Reads an out-of-scope item. The first `*.md` file named becomes the owner: in a trailing
 * `(…)` the rest of the parentheses becomes the note and the text before them the item
 * (`X (triggers.md — handoff point is the queue)`); elsewhere the whole text stays the item.
 * Items naming no spec stay plain text.
 */
export function parseOutOfScopeItem(text: string): OutOfScopeItem {
  const t = text.trim();
  const paren = splitTrailingParenthetical(t);
  const inParen = paren ? MD_FILE_RE.exec(paren.inner) : null;
  if (paren && /[A-Za-z0-9]/.test(paren.head) && inParen?.[1]) {
    const note = paren.inner.replace(inParen[0], " ").replace(/\s+/g, " ").replace(EDGE_PUNCTUATION_RE, "");
    const item = paren.head.replace(/[\s—–:;,-]+$/, "");
    return note ? { item, owner: inParen[1], note } : { item, owner: inParen[1] };
  }
  const anywhere = MD_FILE_RE.exec(t);
  if (anywhere?.[1]) return { item: t, owner: anywhere[1] };
  return t;
}
