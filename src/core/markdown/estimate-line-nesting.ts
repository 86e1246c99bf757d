const SPACE = 0x20;
const TAB = 0x09;
const GT = 0x3e;
const THEMATIC_BREAK = /^[ \t]*([-*_])(?:[ \t]*\1)*[ \t]*$/;

/** Length of a list marker (`-`, `*`, `+`, `1.`, `1)`) followed by a space at `i`, else 0. */
function listMarkerLength(line: string, i: number): number {
  const c = line.charCodeAt(i);
  if (c === 0x2d || c === 0x2a || c === 0x2b) {
    const next = line.charCodeAt(i + 1);
    return next === SPACE || next === TAB || Number.isNaN(next) ? 1 : 0;
  }
  let j = i;
  while (j < line.length && j - i < 9 && line.charCodeAt(j) >= 0x30 && line.charCodeAt(j) <= 0x39) j++;
  if (j === i) return 0;
  const mark = line.charCodeAt(j);
  if (mark !== 0x2e && mark !== 0x29) return 0;
  const next = line.charCodeAt(j + 1);
  return next === SPACE || next === TAB || Number.isNaN(next) ? j + 1 - i : 0;
}

/** Tree levels a line opens: 1 per `>`, 2 per list marker, and its indentation when it starts a list item. */
function lineNesting(line: string): number {
  let i = 0;
  let indent = 0;
  while (i < line.length && (line.charCodeAt(i) === SPACE || line.charCodeAt(i) === TAB)) {
    indent += line.charCodeAt(i) === TAB ? 4 : 1;
    i++;
  }
  let depth = 0;
  let markers = 0;
  for (;;) {
    while (i < line.length && (line.charCodeAt(i) === SPACE || line.charCodeAt(i) === TAB)) i++;
    if (line.charCodeAt(i) === GT) {
      depth += 1;
      i++;
      continue;
    }
    const marker = listMarkerLength(line, i);
    if (marker === 0) break;
    depth += 2;
    markers++;
    i += marker;
  }
  // `- - -` and `* * *` alone are thematic breaks, not lists.
  if (markers >= 3 && i >= line.length && THEMATIC_BREAK.test(line)) return 0;
  // Each level of a list nested by indentation needs at least two columns.
  return markers > 0 && depth === markers * 2 ? depth + indent : depth;
}

/**
 * An upper estimate of the tree depth the deepest line of `text` reaches, in one linear pass without
 * parsing: one level per `>` block quote and two per list marker (list and item) a line opens at its
 * start, plus the line's indentation when it starts a list item (a list nested by indentation needs two
 * columns per level). `> > - x` gives 4. Used to refuse pathologically nested input before it reaches
 * the markdown parser, whose cost grows quadratically with such nesting.
 */
export function estimateLineNesting(text: string): number {
  let max = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    const depth = lineNesting(line);
    if (depth > max) max = depth;
    start = end + 1;
  }
  return max;
}
