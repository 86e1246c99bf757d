import type { ImportWarning } from "./import-types.js";

const FENCE_OPEN_RE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const HEADING_RE = /^ {0,3}#{1,6}\s+\S/;
/** Headings that start an agent or a phase: `### 2. Title`, `## Phase 3 …`. */
const SECTION_HEADING_RE = /^ {0,3}#{1,3}\s+(?:\d+[.)]\s|phase\s+\d)/i;

/** The text with every unterminated fence closed, and how to map its lines back to the original. */
export interface ClosedFences {
  text: string;
  /** Maps a 1-based line of `text` to the 1-based line of the original text. */
  toSourceLine: (line: number) => number;
  warnings: ImportWarning[];
}

interface OpenFence {
  index: number;
  char: string;
  length: number;
}

const closes = (fence: OpenFence, line: string) =>
  new RegExp(`^ {0,3}\\${fence.char}{${fence.length},}\\s*$`).test(line);

/** Index of the heading where an open fence must have ended, or -1 when it is closed properly. */
function missingCloseAt(lines: readonly string[], fence: OpenFence, from: number): number {
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (closes(fence, line)) {
      // `### 2. Next agent` followed by a fence: that fence opens the next block, so this one was never closed.
      const previous = lines.slice(fence.index + 1, i).findLastIndex((l) => l.trim() !== "");
      const heading = previous < 0 ? "" : (lines[fence.index + 1 + previous] ?? "");
      return SECTION_HEADING_RE.test(heading) ? fence.index + 1 + previous : -1;
    }
  }
  return lines.findIndex((l, k) => k > fence.index && HEADING_RE.test(l));
}

/**
 * A fence that is never closed swallows the following headings, so later agents would be lost.
 * Closes such a fence just before the heading that follows it (a heading directly before the
 * next fence line, or the next heading when no fence follows) and warns. Properly closed
 * fences, even ones containing `#` lines, are left alone.
 */
export function closeUnterminatedFences(text: string): ClosedFences {
  const lines = text.split("\n");
  const inserted: number[] = [];
  const toSourceLine = (line: number) => line - inserted.filter((at) => at < line).length;
  const warnings: ImportWarning[] = [];

  for (let i = 0; i < lines.length; i++) {
    const m = FENCE_OPEN_RE.exec(lines[i] ?? "");
    const marker = m?.[1];
    if (!marker || (marker.startsWith("`") && (m[2] ?? "").includes("`"))) continue;
    const fence = { index: i, char: marker.charAt(0), length: marker.length };
    const heading = missingCloseAt(lines, fence, i + 1);
    if (heading < 0) {
      const end = lines.findIndex((l, k) => k > i && closes(fence, l));
      if (end < 0) warnings.push({ line: toSourceLine(i + 1), message: "this fenced block is never closed" });
      i = end < 0 ? lines.length : end;
      continue;
    }
    warnings.push({
      line: toSourceLine(i + 1),
      message: `this fenced block is never closed; treated it as ending before the heading on line ${toSourceLine(heading + 1)}`,
    });
    lines.splice(heading, 0, fence.char.repeat(fence.length));
    inserted.push(heading + 1);
    i = heading;
  }
  return { text: lines.join("\n"), toSourceLine, warnings };
}
