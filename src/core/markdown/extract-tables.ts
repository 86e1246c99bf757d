import type { Root, RootContent, Table } from "mdast";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";

export interface TableRow {
  /** Cell texts (inline markdown flattened to text, trimmed). */
  cells: string[];
  /** 1-based line of the row. */
  line: number;
}

export interface ParsedTable {
  /** Header cells, trimmed. */
  header: string[];
  rows: TableRow[];
  /** 1-based line of the header row. */
  line: number;
  /** The mdast node, for rules that need inline structure (code spans in cells). */
  node: Table;
}

/** Every GFM table under `root` (a whole document or a list of section nodes). */
export function extractTables(root: Root | readonly RootContent[]): ParsedTable[] {
  const tables: ParsedTable[] = [];
  const roots: (Root | RootContent)[] = Array.isArray(root) ? [...root] : [root as Root];
  for (const r of roots) {
    visit(r, "table", (table: Table) => {
      const [head, ...body] = table.children;
      tables.push({
        header: head ? head.children.map((c) => toString(c).trim()) : [],
        rows: body.map((row) => ({
          cells: row.children.map((c) => toString(c).trim()),
          line: row.position?.start.line ?? 0,
        })),
        line: table.position?.start.line ?? 0,
        node: table,
      });
    });
  }
  return tables;
}

/** Finds the column whose header matches `name` (case-insensitive, ignoring spaces and punctuation). */
export function columnIndex(table: ParsedTable, ...names: string[]): number {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
  const wanted = new Set(names.map(norm));
  return table.header.findIndex((h) => wanted.has(norm(h)));
}
