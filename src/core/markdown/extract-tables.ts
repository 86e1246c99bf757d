import type { Nodes, Root, RootContent, Table } from "mdast";
import { toString } from "mdast-util-to-string";

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

const cache = new WeakMap<Root, ParsedTable[]>();

/**
 * Every GFM table under `root` (a whole document or a list of section nodes). Tables of a whole
 * document are cached per tree; the result is a fresh array, but do not mutate the tables in it.
 */
export function extractTables(root: Root | readonly RootContent[]): ParsedTable[] {
  if (Array.isArray(root)) return collectTables(root);
  const tree = root as Root;
  let cached = cache.get(tree);
  if (!cached) cache.set(tree, (cached = collectTables(tree)));
  return [...cached];
}

/** Node types that can hold a table somewhere below them (tables are block content). */
const BLOCK_CONTAINERS = new Set(["root", "blockquote", "list", "listItem", "footnoteDefinition"]);

function collectTables(root: Root | readonly RootContent[]): ParsedTable[] {
  const tables: ParsedTable[] = [];
  // Walk block containers only (paragraphs and headings cannot hold tables), without recursion.
  const stack: Nodes[] = Array.isArray(root) ? [...(root as RootContent[])].reverse() : [root as Root];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.type === "table") {
      tables.push(readTable(node));
      continue;
    }
    if (!BLOCK_CONTAINERS.has(node.type) || !("children" in node)) continue;
    const children = node.children as Nodes[];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Nodes);
  }
  return tables;
}

function readTable(table: Table): ParsedTable {
  const [head, ...body] = table.children;
  return {
    header: head ? head.children.map((c) => toString(c).trim()) : [],
    rows: body.map((row) => ({
      cells: row.children.map((c) => toString(c).trim()),
      line: row.position?.start.line ?? 0,
    })),
    line: table.position?.start.line ?? 0,
    node: table,
  };
}

/** Finds the column whose header matches `name` (case-insensitive, ignoring spaces and punctuation). */
export function columnIndex(table: ParsedTable, ...names: string[]): number {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
  const wanted = new Set(names.map(norm));
  return table.header.findIndex((h) => wanted.has(norm(h)));
}
