import type { Nodes } from "mdast";
import type { SpecDocument } from "../checks/types.js";
import { splitHeadingNumber } from "./extract-sections.js";
import { columnIndex, extractTables } from "./extract-tables.js";
import { createHeadingLocator } from "./locate-heading.js";
import { readFeatureTable } from "./read-feature-table.js";
import { readStatus, type StatusReading } from "./read-status.js";

/** A feature status stated in a document. */
export interface StatusMention {
  /** The feature it belongs to: the table's feature cell, or the nearest heading for `Status: X` lines. */
  feature: string | undefined;
  status: StatusReading;
  /** 1-based line. */
  line: number;
  source: "table" | "inline";
  /** The nearest heading above the mention (`7. Feature Status`) below the document title, if any. */
  heading: string | undefined;
}

/** Column names that make a table with a Status column a feature table wherever it is. */
const FEATURE_COLUMNS = ["Feature", "Features", "Capability", "Capabilities", "Name", "Functionality"];
/** Headings whose tables and `Status:` lines are about features. */
const FEATURE_HEADING = /\b(?:features?|capabilit(?:y|ies))\b/i;
/** Headings of things that have a status but are not features: issues, bugs, risks, questions. */
const NOT_FEATURE_HEADING =
  /\b(?:known\s+issues?|issues?|bugs?|incidents?|risks?|questions?|todos?|changelog|history|limitations?)\b/i;

const cache = new WeakMap<SpecDocument, StatusMention[]>();

const INLINE_STATUS = /(?:^|[^\w])Status\**\s*:\s*\**\s*([^|\n]+)/i;

/** Line ranges of code blocks, raw HTML and tables (where a `Status:` line is not prose). */
function codeRanges(tree: Nodes, out: [number, number][]): void {
  if (tree.type === "code" || tree.type === "html" || tree.type === "table") {
    const start = tree.position?.start.line ?? 0;
    out.push([start, tree.position?.end.line ?? start]);
    return;
  }
  if (tree.type === "paragraph" || tree.type === "heading") return;
  if ("children" in tree) for (const child of tree.children) codeRanges(child as Nodes, out);
}

/**
 * Every feature status a document states: rows of feature tables (a `Status` column, see
 * `readFeatureTable`, in a table that has a Feature / Capability / Name column, sits under a
 * features heading, or is in the registry) and inline `Status: X` / `**Status:** X` lines outside
 * code, tables, quotations and known-issue / risk / question sections. Tables of session states or
 * known issues are not feature tables. Inline values written as code (`` `running` ``) or not
 * recognisable as a feature status are ignored.
 * Cached per document; do not mutate the returned mentions.
 */
export function extractStatuses(doc: SpecDocument): StatusMention[] {
  const cached = cache.get(doc);
  if (cached) return [...cached];
  const mentions: StatusMention[] = [];
  const locate = createHeadingLocator(doc.tree);
  for (const table of extractTables(doc.tree)) {
    const where = locate(table.line);
    const featureTable =
      doc.kind === "registry" ||
      columnIndex(table, ...FEATURE_COLUMNS) >= 0 ||
      [where.section, where.heading].some((h) => h !== undefined && FEATURE_HEADING.test(h));
    if (!featureTable) continue;
    for (const row of readFeatureTable(table) ?? []) {
      mentions.push({
        feature: row.feature || undefined,
        status: row.status,
        line: row.line,
        source: "table",
        heading: (where.depth ?? 1) > 1 ? where.heading : undefined,
      });
    }
  }
  let skip: [number, number][] | undefined;
  doc.lines.forEach((text, index) => {
    if (!/status/i.test(text) || /^\s*>/.test(text)) return;
    const line = index + 1;
    if (!skip) codeRanges(doc.tree, (skip = []));
    if (skip.some(([start, end]) => line >= start && line <= end)) return;
    const m = INLINE_STATUS.exec(text);
    const value = m?.[1]?.split(/\.\s|;|\s—\s|\s–\s/)[0]?.trim();
    if (!value || value.startsWith("`")) return;
    const status = readStatus(value);
    if (!status.status && !status.suggestion) return;
    const { heading, section } = locate(line);
    if ([heading, section].some((h) => h !== undefined && NOT_FEATURE_HEADING.test(h))) return;
    mentions.push({
      feature: heading === undefined ? undefined : splitHeadingNumber(heading).name,
      status,
      line,
      source: "inline",
      heading,
    });
  });
  mentions.sort((a, b) => a.line - b.line);
  cache.set(doc, mentions);
  return [...mentions];
}
