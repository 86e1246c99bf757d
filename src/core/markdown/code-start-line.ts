import type { Code } from "mdast";

/** 1-based document line of a code block's first content line (after the opening fence, if fenced). */
export function codeStartLine(node: Code, lines: readonly string[]): number {
  const start = node.position?.start.line ?? 1;
  return /^\s*(```|~~~)/.test(lines[start - 1] ?? "") ? start + 1 : start;
}
