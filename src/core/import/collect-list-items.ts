import type { ImportWarning, SourceLine } from "./import-types.js";

/** One list item of a plain-text prompt section, with the items indented under it. */
export interface ListItem {
  text: string;
  line: number;
  indent: number;
  children: ListItem[];
}

const ITEM_RE = /^(\s*)(?:[-*+•]|\d{1,3}[.)])\s+(.*)$/;

const indentOf = (s: string) => s.replace(/\t/g, "    ").length;

/**
 * Reads `- item`, `* item` and `1. item` lines into a tree by indentation. A non-blank line
 * without a marker continues the item above it; after a blank line it is reported as not understood.
 */
export function collectListItems(
  lines: readonly SourceLine[],
  context: string,
): {
  items: ListItem[];
  warnings: ImportWarning[];
} {
  const items: ListItem[] = [];
  const warnings: ImportWarning[] = [];
  const stack: ListItem[] = [];
  let afterBlank = true;
  for (const { text, line } of lines) {
    if (text.trim() === "") {
      afterBlank = true;
      continue;
    }
    const m = ITEM_RE.exec(text);
    if (m) {
      const item: ListItem = { text: (m[2] ?? "").trim(), line, indent: indentOf(m[1] ?? ""), children: [] };
      while (stack.length > 0 && (stack[stack.length - 1]?.indent ?? 0) >= item.indent) stack.pop();
      const parent = stack[stack.length - 1];
      (parent ? parent.children : items).push(item);
      stack.push(item);
    } else {
      const last = stack[stack.length - 1];
      if (last && (!afterBlank || indentOf(/^\s*/.exec(text)?.[0] ?? "") > last.indent)) {
        last.text = `${last.text} ${text.trim()}`.trim();
      } else {
        warnings.push({
          line,
          message: `${context}: line not understood (expected a "- item" list); ignored`,
        });
      }
    }
    afterBlank = false;
  }
  return { items, warnings };
}

/** Every item of the tree in document order (children after their parent). */
export function flattenListItems(items: readonly ListItem[]): ListItem[] {
  return items.flatMap((item) => [item, ...flattenListItems(item.children)]);
}
