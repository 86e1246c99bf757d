import type { ImportWarning } from "./import-types.js";

const FENCE_OPEN_RE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const HEADING_RE = /^ {0,3}#{1,6}\s+\S/;

/** The text with every unterminated fence closed, and how to map its lines back to the original. */
export interface ClosedFences {
  text: string;
  /** Maps a 1-based line of `text` to the 1-based line of the original text. */
  toSourceLine: (line: number) => number;
  warnings: ImportWarning[];
}

/**
 * A fence that is never closed swallows every later heading, so all later agents would be lost.
 * Closes such a fence just before the next heading-like line and warns about it. Properly
 * closed fences (even ones containing `#` lines) are left alone.
 */
export function closeUnterminatedFences(text: string): ClosedFences {
  const lines = text.split("\n");
  const inserted: number[] = [];
  const toSourceLine = (line: number) => line - inserted.filter((at) => at < line).length;
  const warnings: ImportWarning[] = [];

  let open: { index: number; char: string; length: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (!open) {
      const m = FENCE_OPEN_RE.exec(line);
      const marker = m?.[1];
      if (marker && !(marker.startsWith("`") && (m[2] ?? "").includes("`"))) {
        open = { index: i, char: marker.charAt(0), length: marker.length };
      }
    } else if (new RegExp(`^ {0,3}\\${open.char}{${open.length},}\\s*$`).test(line)) {
      open = undefined;
    }
    if (i === lines.length - 1 && open) {
      const start = open.index;
      const next = lines.findIndex((l, k) => k > start && HEADING_RE.test(l));
      if (next < 0) {
        warnings.push({ line: toSourceLine(start + 1), message: "this fenced block is never closed" });
        break;
      }
      warnings.push({
        line: toSourceLine(start + 1),
        message: `this fenced block is never closed; treated it as ending before the heading on line ${toSourceLine(next + 1)}`,
      });
      lines.splice(next, 0, open.char.repeat(open.length));
      inserted.push(next + 1);
      open = undefined;
      i = next;
    }
  }
  return { text: lines.join("\n"), toSourceLine, warnings };
}
