import type { Nodes } from "mdast";
import type { SpecDocument } from "../checks/types.js";
import { splitHeadingNumber } from "./extract-sections.js";
import { extractTables } from "./extract-tables.js";
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
}

const cache = new WeakMap<SpecDocument, StatusMention[]>();

const INLINE_STATUS = /(?:^|[^\w])Status\**\s*:\s*\**\s*([^|\n]+)/i;

function codeLines(tree: Nodes, out: Set<number>): void {
  if (tree.type === "code" || tree.type === "html" || tree.type === "table") {
    const start = tree.position?.start.line ?? 0;
    const end = tree.position?.end.line ?? start;
    for (let l = start; l <= end; l++) out.add(l);
    return;
  }
  if ("children" in tree) for (const child of tree.children) codeLines(child as Nodes, out);
}

/**
 * Every feature status a document states: rows of feature tables (a `Status` column, see
 * `readFeatureTable`) and inline `Status: X` / `**Status:** X` lines outside code, tables and
 * quotations. Inline values written as code (`` `running` ``) or not recognisable as a feature status are ignored.
 * Cached per document; do not mutate the returned mentions.
 */
export function extractStatuses(doc: SpecDocument): StatusMention[] {
  const cached = cache.get(doc);
  if (cached) return [...cached];
  const mentions: StatusMention[] = [];
  for (const table of extractTables(doc.tree)) {
    for (const row of readFeatureTable(table) ?? []) {
      mentions.push({
        feature: row.feature || undefined,
        status: row.status,
        line: row.line,
        source: "table",
      });
    }
  }
  const skip = new Set<number>();
  codeLines(doc.tree, skip);
  const locate = createHeadingLocator(doc.tree);
  doc.lines.forEach((text, index) => {
    const line = index + 1;
    if (skip.has(line) || /^\s*>/.test(text) || !/status/i.test(text)) return;
    const m = INLINE_STATUS.exec(text);
    const value = m?.[1]?.split(/\.\s|;|\s—\s|\s–\s/)[0]?.trim();
    if (!value || value.startsWith("`")) return;
    const status = readStatus(value);
    if (!status.status && !status.suggestion) return;
    const heading = locate(line).heading;
    mentions.push({
      feature: heading === undefined ? undefined : splitHeadingNumber(heading).name,
      status,
      line,
      source: "inline",
    });
  });
  mentions.sort((a, b) => a.line - b.line);
  cache.set(doc, mentions);
  return [...mentions];
}
