import type { Heading, Root } from "mdast";
import { toString } from "mdast-util-to-string";

/** What a document line sits under. */
export interface HeadingLocation {
  /** Title of the enclosing `#` / `##` heading, e.g. `3. File Tree`. */
  section: string | undefined;
  /** Title of the nearest heading of any depth. */
  heading: string | undefined;
  /** The nearest heading or one of its parents is about examples, planned or future work. */
  exempt: boolean;
}

const EXEMPT_HEADING = /\b(?:examples?|hypothetical|planned|proposed|future|roadmap)\b/i;

interface Mark {
  line: number;
  section: string | undefined;
  heading: string;
  exempt: boolean;
}

/**
 * Builds a lookup from a 1-based line to the headings it sits under (binary search over the
 * document's top-level headings, so many lookups stay cheap).
 */
export function createHeadingLocator(tree: Root): (line: number) => HeadingLocation {
  const marks: Mark[] = [];
  const chain: { depth: number; exempt: boolean }[] = [];
  let section: string | undefined;
  for (const node of tree.children) {
    if (node.type !== "heading") continue;
    const heading = node as Heading;
    const title = toString(heading).trim();
    while (chain.length > 0 && (chain[chain.length - 1] as { depth: number }).depth >= heading.depth)
      chain.pop();
    const exempt = EXEMPT_HEADING.test(title) || chain.some((c) => c.exempt);
    chain.push({ depth: heading.depth, exempt });
    if (heading.depth <= 2) section = title;
    marks.push({ line: heading.position?.start.line ?? 1, section, heading: title, exempt });
  }
  return (line) => {
    let lo = 0;
    let hi = marks.length - 1;
    let found: Mark | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = marks[mid] as Mark;
      if (m.line <= line) {
        found = m;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found
      ? { section: found.section, heading: found.heading, exempt: found.exempt }
      : { section: undefined, heading: undefined, exempt: false };
  };
}
