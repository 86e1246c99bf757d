import type { Heading, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import { splitHeadingNumber } from "./extract-sections.js";

/** What a document line sits under. */
export interface HeadingLocation {
  /** Title of the enclosing `#` / `##` heading, e.g. `3. File Tree`. */
  section: string | undefined;
  /** Title of the nearest heading of any depth. */
  heading: string | undefined;
  /** Depth of the nearest heading (1 for the document title). */
  depth: number | undefined;
  /**
   * The nearest heading or one of its parents (below the document title) starts with Example(s),
   * Planned, Future, Roadmap, Proposed or Hypothetical: its paths are not expected to exist.
   */
  exempt: boolean;
}

/** Checked against the heading's name (its number stripped); a word later in the title does not count. */
const EXEMPT_HEADING =
  /^[\s*_]*(?:examples?|planned|future|roadmap|proposed|hypothetical)(?![\p{L}\p{N}_])/iu;

interface Mark {
  line: number;
  section: string | undefined;
  heading: string;
  depth: number;
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
    // The document title never exempts: "Example Apps — System Spec" is a spec like any other.
    const exempt =
      (heading.depth > 1 && EXEMPT_HEADING.test(splitHeadingNumber(title).name)) ||
      chain.some((c) => c.exempt);
    chain.push({ depth: heading.depth, exempt });
    if (heading.depth <= 2) section = title;
    marks.push({
      line: heading.position?.start.line ?? 1,
      section,
      heading: title,
      depth: heading.depth,
      exempt,
    });
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
      ? { section: found.section, heading: found.heading, depth: found.depth, exempt: found.exempt }
      : { section: undefined, heading: undefined, depth: undefined, exempt: false };
  };
}
