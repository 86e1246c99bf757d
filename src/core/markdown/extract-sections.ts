import type { Heading, Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";

/** A heading and the range of top-level nodes it governs (until the next heading of the same or higher level). */
export interface Section {
  depth: number;
  /** Heading text as written, e.g. `3. File Tree`. */
  title: string;
  /** Leading section number, e.g. `3` or `6.2`, when the heading starts with one (`3.`, `§3`, `3.1`). */
  number: string | undefined;
  /** Title without the number, e.g. `File Tree`. */
  name: string;
  /** 1-based line of the heading. */
  line: number;
  /** 1-based last line of the section's content (inclusive). */
  endLine: number;
  /** Top-level nodes after the heading up to the next heading of depth <= this one. */
  children: RootContent[];
}

const NUMBER_RE = /^(?:§\s*)?(\d+(?:\.\d+)*)\.?\s+(.*)$/;

/** Splits a heading title into its number and name: `6.2 Hub manager` → `6.2`, `Hub manager`. */
export function splitHeadingNumber(title: string): { number: string | undefined; name: string } {
  const m = NUMBER_RE.exec(title.trim());
  return m ? { number: m[1], name: (m[2] ?? "").trim() } : { number: undefined, name: title.trim() };
}

const cache = new WeakMap<Root, Section[]>();

/**
 * Every heading of the document with the content it governs, in document order. Cached per tree
 * (several rules ask for the same document's sections); the result is a fresh array, but do not
 * mutate the sections in it.
 */
export function extractSections(tree: Root): Section[] {
  const cached = cache.get(tree);
  if (cached) return [...cached];
  const sections = collectSections(tree);
  cache.set(tree, sections);
  return [...sections];
}

function collectSections(tree: Root): Section[] {
  const nodes = tree.children;
  const lastLine = tree.position?.end.line ?? 1;
  const sections: Section[] = [];
  nodes.forEach((node, i) => {
    if (node.type !== "heading") return;
    const heading = node as Heading;
    const title = toString(heading).trim();
    const children: RootContent[] = [];
    let endLine = lastLine;
    for (let j = i + 1; j < nodes.length; j++) {
      const next = nodes[j] as RootContent;
      if (next.type === "heading" && next.depth <= heading.depth) {
        endLine = (next.position?.start.line ?? lastLine + 1) - 1;
        break;
      }
      children.push(next);
    }
    sections.push({
      depth: heading.depth,
      title,
      ...splitHeadingNumber(title),
      line: heading.position?.start.line ?? 1,
      endLine,
      children,
    });
  });
  return sections;
}
