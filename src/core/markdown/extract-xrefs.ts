import type { Nodes } from "mdast";
import type { SpecDocument } from "../checks/types.js";
import { isExemptAt } from "./detect-exemption.js";

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
  /**
   * Unmistakably a reference to a document: a link, a file name followed by `§N`, "section N" or
   * `#anchor`, or "section N of x.md". False for a file name merely mentioned in prose (`AGENTS.md`).
   */
  explicit: boolean;
  /** The spec says the referenced file is not in git, generated, planned or an example. */
  exempt: boolean;
  /** 1-based line. */
  line: number;
  /** The reference as written, for messages. */
  text: string;
}

const NUM = String.raw`(\d+(?:\.\d+)*)`;
/** A markdown file name or relative path (`x.md`, `docs/x.md`, `../specs/x.md`), not `x.mdx`. */
const FILE = String.raw`((?:\.\.?\/)*\w[\w./-]*\.md)(?![\w-])`;
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
 * Every alternative is linear: repeated groups are bounded (`\s{0,3}`), and the unbounded ones can
 * only start at a word or token start (look-behinds), so a 200 KB line is scanned in one pass.
 */
const XREF_RE = new RegExp(
  [
    // 1-2: section 3 of billing.md
    String.raw`[Ss]ection\s{1,3}${NUM}\s{1,3}(?:of|in)\s{1,3}(?:the\s{1,3})?${FILE}`,
    // 3-4: [text](other.md#anchor)
    String.raw`\]\(([^)\s]+\.md)(?:#([^)\s]+))?\)`,
    // 5: [text](#anchor)
    String.raw`\]\(#([^)\s]+)\)`,
    // 6-8: other.md#anchor, other.md §6.2, other.md's §6, other.md, section 4
    String.raw`(?<![\w/:.-])${FILE}(?:#([\w-]+))?(?:['’]s)?(?:\s{0,3}[,:(]?\s{0,3}(?:§\s{0,3}|[Ss]ection\s{1,3})${NUM})?`,
    // 9-11: word §4 (a known spec name, or "see §4"), 12: section 4 (same forms)
    String.raw`(?<![\w-])([a-z0-9][a-z0-9-]*)?([\s(]{0,3})(?:§\s{0,3}${NUM}|[Ss]ection\s{1,3}${NUM}(?!\s{1,3}(?:of|in)\b|\.\d))`,
  ].join("|"),
  "g",
);

/**
 * Finds cross-references in a spec's text outside code blocks: `other.md §6.2`, `other.md#anchor`,
 * `[text](other.md#anchor)`, `section 6 of other.md`, `other.md's §6`, `other-spec §6.2` (for known
 * spec names), bare `§4` / "see section 4" (this document), `(#anchor)` links and file names mentioned
 * in prose (`AGENTS.md`, marked not `explicit`). Backticks are ignored, so `` `other.md` §3 `` counts.
 * Each reference says whether the spec marks the file as not in git, generated or planned (`exempt`).
 *
 * @param specNames bare names of known specs (`sessions-gateway`), recognised before `§`
 */
export function extractXrefs(doc: SpecDocument, specNames: ReadonlySet<string>): CrossReference[] {
  const skip = new Set<number>();
  blockLines(doc.tree, skip);
  const refs: CrossReference[] = [];
  doc.lines.forEach((raw, index) => {
    const line = index + 1;
    if (skip.has(line) || !/\.md|§|\(#|[Ss]ection\s/.test(raw)) return;
    const text = raw.replace(/`/g, "");
    for (const m of text.matchAll(XREF_RE)) {
      const [whole] = m;
      const ref = (fields: Omit<CrossReference, "line" | "exempt">): void => {
        const exempt = fields.target !== undefined && isExemptAt(text, m.index, m.index + whole.length);
        refs.push({ ...fields, line, exempt });
      };
      if (m[1] !== undefined) {
        ref({ target: m[2], isLink: false, section: m[1], anchor: undefined, explicit: true, text: whole });
      } else if (m[3] !== undefined) {
        ref({
          target: m[3],
          isLink: true,
          section: undefined,
          anchor: m[4],
          explicit: true,
          text: whole.slice(2, -1),
        });
      } else if (m[5] !== undefined) {
        ref({
          target: undefined,
          isLink: true,
          section: undefined,
          anchor: m[5],
          explicit: true,
          text: `#${m[5]}`,
        });
      } else if (m[6] !== undefined) {
        ref({
          target: m[6],
          isLink: false,
          section: m[8],
          anchor: m[7],
          explicit: m[7] !== undefined || m[8] !== undefined,
          text: whole.trim(),
        });
      } else if (m[11] !== undefined || m[12] !== undefined) {
        const word = m[9];
        const separator = m[10] ?? "";
        const section = (m[11] ?? m[12]) as string;
        const sign = m[11] !== undefined ? "§" : "section ";
        if (word !== undefined && specNames.has(word) && !separator.includes("(")) {
          ref({
            target: `${word}.md`,
            isLink: false,
            section,
            anchor: undefined,
            explicit: true,
            text: whole.trim(),
          });
        } else if (word === undefined || SAME_DOC_WORDS.has(word.toLowerCase()) || separator.includes("(")) {
          const before = text.slice(0, m.index);
          // "the boundary brief §4", "registry §2", "the brief's section 2": another document named in words.
          if (
            word === undefined &&
            (/[\p{L}\p{N}]\s*$/u.test(before) || /['’]s\s*$/u.test(before)) &&
            !/\b(?:see|in|at|per|and|or|of)\s*$/i.test(before)
          )
            continue;
          ref({
            target: undefined,
            isLink: false,
            section,
            anchor: undefined,
            explicit: true,
            text: `${sign}${section}`,
          });
        }
      }
    }
  });
  return refs;
}
