import type { Heading, Nodes, Root } from "mdast";
import { toString } from "mdast-util-to-string";

/** GitHub's anchor for a heading text: lower-case, punctuation dropped, spaces to dashes. */
export function slugifyHeading(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

function headings(node: Nodes, out: Heading[]): void {
  if (node.type === "heading") out.push(node);
  else if ("children" in node) for (const child of node.children) headings(child as Nodes, out);
}

/** Every anchor GitHub generates for a document's headings (repeated headings get `-1`, `-2`, …). */
export function headingSlugs(tree: Root): Set<string> {
  const slugs = new Set<string>();
  const counts = new Map<string, number>();
  const found: Heading[] = [];
  headings(tree, found);
  for (const heading of found) {
    const base = slugifyHeading(toString(heading));
    const n = counts.get(base) ?? 0;
    counts.set(base, n + 1);
    slugs.add(n === 0 ? base : `${base}-${n}`);
  }
  return slugs;
}
