import type { Nodes, RootContent } from "mdast";
import { codeStartLine } from "./code-start-line.js";
import { columnIndex, extractTables } from "./extract-tables.js";
import { pointsElsewhere } from "./points-elsewhere.js";

/** A database table a document defines. */
export interface DefinedTable {
  /** Lower-case table name without schema or quotes, e.g. `sessions`. */
  name: string;
  /** 1-based line of the definition. */
  line: number;
}

const CODE_PATTERNS = [
  /\bcreate\s+(?:unlogged\s+|temporary\s+|temp\s+)?table\s+(?:if\s+not\s+exists\s+)?(?:["`[]?\w+["`\]]?\.)?["`[]?(\w+)/gi,
  /\b(?:pgTable|mysqlTable|sqliteTable|singlestoreTable)\s*\(\s*["'`](\w+)["'`]/g,
  /\b__tablename__\s*=\s*["'](\w+)["']/g,
  /@@map\(\s*"(\w+)"\s*\)/g,
];

const TABLE_COLUMNS = ["Table", "Table name", "DB table", "Database table", "Tables"];

function codeBlocks(node: Nodes, out: Extract<Nodes, { type: "code" }>[]): void {
  if (node.type === "code") out.push(node);
  else if ("children" in node) for (const child of node.children) codeBlocks(child as Nodes, out);
}

/**
 * Database tables defined in a section: `CREATE TABLE x` (SQL), `pgTable("x", …)` (Drizzle),
 * `__tablename__ = "x"` (SQLAlchemy), `@@map("x")` (Prisma) in code blocks, and the cells of a
 * `Table` column in markdown tables. Rows that point at another spec (`owned by x.md`) are not definitions.
 *
 * @param selfPath the document's own path (a row naming the document itself still counts)
 */
export function extractDefinedTables(
  nodes: readonly RootContent[],
  lines: readonly string[],
  selfPath: string,
): DefinedTable[] {
  const found: DefinedTable[] = [];
  const blocks: Extract<Nodes, { type: "code" }>[] = [];
  for (const node of nodes) codeBlocks(node, blocks);
  for (const block of blocks) {
    const start = codeStartLine(block, lines);
    for (const pattern of CODE_PATTERNS) {
      for (const m of block.value.matchAll(pattern)) {
        if (!m[1]) continue;
        const line = start + (block.value.slice(0, m.index).match(/\n/g)?.length ?? 0);
        found.push({ name: m[1].toLowerCase(), line });
      }
    }
  }
  for (const table of extractTables(nodes)) {
    const col = columnIndex(table, ...TABLE_COLUMNS);
    if (col < 0) continue;
    for (const row of table.rows) {
      const rowText = lines[row.line - 1] ?? "";
      if (pointsElsewhere(rowText, selfPath)) continue;
      const name = /^[\s`"']*([\w.]+)/.exec(row.cells[col] ?? "")?.[1];
      if (name) found.push({ name: (name.split(".").pop() ?? name).toLowerCase(), line: row.line });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}
