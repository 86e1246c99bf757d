/** The character `maskNonProse` writes over code spans and path-like tokens. */
export const MASK = "\u0001";

const BACKTICK = 0x60;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** Path-like: has a slash, or a `name.ext` part (`generated.ts`, `res.json`), but not `e.g.`. */
const FILE_LIKE = /[\w-]\.[A-Za-z0-9]{2}/;

/**
 * Replaces code spans (backtick runs with their closing run) and whitespace-separated tokens that
 * look like paths or file names with `MASK` characters, keeping every other character and the
 * length, so offsets stay valid. Words inside paths and code (`examples/app.ts`, `generated.ts`)
 * then say nothing about the text around them. Linear in practice: a closing backtick run is looked
 * for only up to the end of the text once per run length.
 */
export function maskNonProse(text: string): string {
  const out: string[] = [];
  let i = 0;
  let plainFrom = 0;
  /** Run lengths known to have no closing run after the current position. */
  const unclosed = new Set<number>();
  const flushTokens = (end: number) => {
    // Mask path-like tokens in text[plainFrom, end).
    let j = plainFrom;
    while (j < end) {
      while (j < end && isSpace(text.charCodeAt(j))) out.push(text[j++] as string);
      const tokenStart = j;
      while (j < end && !isSpace(text.charCodeAt(j))) j++;
      if (j === tokenStart) continue;
      const token = text.slice(tokenStart, j);
      out.push(token.includes("/") || FILE_LIKE.test(token) ? MASK.repeat(token.length) : token);
    }
  };
  while (i < text.length) {
    const next = text.indexOf("`", i);
    if (next === -1) break;
    let runEnd = next;
    while (text.charCodeAt(runEnd) === BACKTICK) runEnd++;
    const run = runEnd - next;
    let close = -1;
    if (!unclosed.has(run)) {
      for (let k = text.indexOf("`", runEnd); k !== -1;) {
        let kEnd = k;
        while (text.charCodeAt(kEnd) === BACKTICK) kEnd++;
        if (kEnd - k === run) {
          close = k;
          break;
        }
        k = text.indexOf("`", kEnd);
      }
      if (close === -1) unclosed.add(run);
    }
    if (close === -1) {
      i = runEnd;
      continue;
    }
    flushTokens(next);
    out.push(MASK.repeat(close + run - next));
    i = close + run;
    plainFrom = i;
  }
  flushTokens(text.length);
  return out.join("");
}
