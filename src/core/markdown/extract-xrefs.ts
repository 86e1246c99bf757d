import type { Nodes } from "mdast";
import type { SpecDocument } from "../checks/types.js";

/** A cross-reference from one spec to a document or section. */
export interface CrossReference {
  /**
   * The referenced file as written (`sessions-gateway.md`, `../specs/x.md`), or a known spec's
   * bare name with `.md` added (`sessions-gateway §6.2`); undefined for the document itself (`§4`, `#anchor`).
   */
  target: string | undefined;
  /** Written as a markdown link target, so it resolves against the document's folder. */
  isLink: boolean;
  /** Section number, e.g. `6.2`. */
  section: string | undefined;
  /** Heading anchor, e.g. `hub-manager`. */
  anchor: string | undefined;
  /** 1-based line. */
  line: number;
  /** The reference as written, for messages. */
  text: string;
}

const NUM = String.raw`(\d+(?:\.\d+)*)`;
const FILE = String.raw`([\w][\w./-]*\.md)`;
/** Words after which a bare `§N` means this document. */
const SAME_DOC_WORDS = new Set([
  "see",
  "in",
  "at",
  "per",
  "under",
  "and",
  "or",
  "also",
  "from",
  "to",
  "cf",
  "of",
  "the",
  "by",
  "with",
  "via",
  "below",
  "above",
  "as",
  "on",
]);

function blockLines(node: Nodes, out: Set<number>): void {
  if (node.type === "code" || node.type === "html") {
    const start = node.position?.start.line ?? 0;
    for (let l = start; l <= (node.position?.end.line ?? start); l++) out.add(l);
    return;
  }
  if ("children" in node) for (const child of node.children) blockLines(child as Nodes, out);
}

/**
 * Finds cross-references in a spec's text outside code blocks: `other.md §6.2`, `other.md#anchor`,
 * `[text](other.md#anchor)`, `section 6 of other.md`, `other-spec §6.2` (for known spec names),
 * bare `§4` (this document) and `(#anchor)` links. Backticks are ignored, so `` `other.md` §3 `` counts.
 *
 * @param specNames bare names of known specs (`sessions-gateway`), recognised before `§`
 */
export function extractXrefs(doc: SpecDocument, specNames: ReadonlySet<string>): CrossReference[] {
  const skip = new Set<number>();
  blockLines(doc.tree, skip);
  const re = new RegExp(
    [
      String.raw`[Ss]ection\s+${NUM}\s+(?:of|in)\s+(?:the\s+)?${FILE}`,
      String.raw`\]\(([^)\s]+\.md)(?:#([^)\s]+))?\)`,
      String.raw`\]\(#([^)\s]+)\)`,
      String.raw`(?<![\w/:.-])${FILE}(?:#([\w-]+))?(?:\s*[,:(]?\s*(?:§\s*|[Ss]ection\s+)${NUM})?`,
      String.raw`(?<![\w-])([a-z0-9][a-z0-9-]*)?([\s(]*)§\s*${NUM}`,
    ].join("|"),
    "g",
  );
  const refs: CrossReference[] = [];
  doc.lines.forEach((raw, index) => {
    const line = index + 1;
    if (skip.has(line) || !/\.md|§|\(#/.test(raw)) return;
    const text = raw.replace(/`/g, "");
    for (const m of text.matchAll(re)) {
      const [whole] = m;
      if (m[1] !== undefined) {
        refs.push({ target: m[2], isLink: false, section: m[1], anchor: undefined, line, text: whole });
      } else if (m[3] !== undefined) {
        refs.push({
          target: m[3],
          isLink: true,
          section: undefined,
          anchor: m[4],
          line,
          text: whole.slice(2, -1),
        });
      } else if (m[5] !== undefined) {
        refs.push({
          target: undefined,
          isLink: true,
          section: undefined,
          anchor: m[5],
          line,
          text: `#${m[5]}`,
        });
      } else if (m[6] !== undefined) {
        refs.push({ target: m[6], isLink: false, section: m[8], anchor: m[7], line, text: whole.trim() });
      } else if (m[11] !== undefined) {
        const word = m[9];
        const separator = m[10] ?? "";
        if (word !== undefined && specNames.has(word) && !separator.includes("(")) {
          refs.push({
            target: `${word}.md`,
            isLink: false,
            section: m[11],
            anchor: undefined,
            line,
            text: whole.trim(),
          });
        } else if (word === undefined || SAME_DOC_WORDS.has(word.toLowerCase()) || separator.includes("(")) {
          const before = text.slice(0, m.index);
          // "the boundary brief §4", "registry §2": another document named in words; not ours to judge.
          if (
            word === undefined &&
            /[\p{L}\p{N}]\s*$/u.test(before) &&
            !/\b(?:see|in|at|per|and|or|of)\s*$/i.test(before)
          )
            continue;
          refs.push({
            target: undefined,
            isLink: false,
            section: m[11],
            anchor: undefined,
            line,
            text: `§${m[11]}`,
          });
        }
      }
    }
  });
  return refs;
}
