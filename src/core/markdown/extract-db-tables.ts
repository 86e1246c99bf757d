import type { Nodes, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { codeStartLine } from "./code-start-line.js";
import { columnIndex, extractTables } from "./extract-tables.js";
import { normaliseName } from "./normalise-name.js";
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
/** Columns saying who owns a table or how the spec uses it. */
const OWNER_COLUMNS = [
  "Owner",
  "Owned by",
  "Owning spec",
  "Defined in",
  "Defined by",
  "Source",
  "Access",
  "Usage",
  "Role",
  "Relationship",
  "Mode",
];
/** An owner cell saying the spec only uses the table. */
const READ_ONLY_CELL =
  /\b(?:read|reads|reading|read-only|readonly|references?|referenced|uses|used|consumes?|consumed|external|foreign)\b/i;
/** A sentence introducing tables the spec uses but does not own. */
const READ_ONLY_INTRO =
  /\b(?:reads?|references?|uses?|queries|consumes?)\b[^.]{0,80}?\b(?:does\s+not|doesn't|do\s+not|don't)\s+own\b|\bread[- ]only\b|\bnot\s+owned\b|\bowned\s+(?:by|in)\s+(?!this\b|us\b|here\b)|\bowned\s+elsewhere\b|\bdefined\s+(?:elsewhere|by\s+other)\b/i;

type Code = Extract<Nodes, { type: "code" }>;

function codeBlocks(node: Nodes, out: Code[]): void {
  if (node.type === "code") out.push(node);
  else if ("children" in node) for (const child of node.children) codeBlocks(child as Nodes, out);
}

/** Top-level nodes introduced by a paragraph saying the tables below are read, not owned. */
function readOnlyBlocks(nodes: readonly RootContent[], selfPath: string): Set<RootContent> {
  const skipped = new Set<RootContent>();
  let intro: string | undefined;
  for (const node of nodes) {
    if (node.type === "paragraph") {
      intro = toString(node);
      continue;
    }
    if ((node.type === "table" || node.type === "code") && intro !== undefined) {
      const names = /\.md\b/.test(intro) && /\b(?:owned|defined|owns|defines)\b/i.test(intro);
      if (READ_ONLY_INTRO.test(intro) || (names && pointsElsewhere(intro, selfPath))) skipped.add(node);
    }
    if (node.type !== "table" && node.type !== "code") intro = undefined;
  }
  return skipped;
}

/** An owner cell naming another spec (`Sessions`, `sessions.md`) or saying the table is only read. */
function ownedElsewhere(cell: string, selfPath: string, otherSpecs: ReadonlySet<string>): boolean {
  const text = cell.trim();
  if (text === "") return false;
  if (READ_ONLY_CELL.test(text) || pointsElsewhere(text, selfPath)) return true;
  const name = normaliseName(text.replace(/\.md\b/i, "").replace(/\s+spec$/i, ""));
  return name !== "" && otherSpecs.has(name);
}

/**
 * Database tables defined in a section: `CREATE TABLE x` (SQL), `pgTable("x", …)` (Drizzle),
 * `__tablename__ = "x"` (SQLAlchemy), `@@map("x")` (Prisma) in code blocks, and the cells of a
 * `Table` column in markdown tables. Not definitions: rows that point at another spec (`owned by x.md`),
 * rows whose Owner / Defined in / Access cell names another spec or says the table is read or
 * referenced, and tables or code blocks introduced by a sentence such as "reads but does not own".
 *
 * @param selfPath the document's own path (a row naming the document itself still counts)
 * @param otherSpecs other specs' names, normalised (`normaliseName`): bare file names, agent names, titles
 */
export function extractDefinedTables(
  nodes: readonly RootContent[],
  lines: readonly string[],
  selfPath: string,
  otherSpecs: ReadonlySet<string> = new Set(),
): DefinedTable[] {
  const found: DefinedTable[] = [];
  const blocks: Code[] = [];
  const readOnly = readOnlyBlocks(nodes, selfPath);
  for (const node of nodes) if (!readOnly.has(node)) codeBlocks(node, blocks);
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
  for (const table of extractTables(nodes.filter((n) => !readOnly.has(n)))) {
    const col = columnIndex(table, ...TABLE_COLUMNS);
    if (col < 0) continue;
    const owner = columnIndex(table, ...OWNER_COLUMNS);
    for (const row of table.rows) {
      const rowText = lines[row.line - 1] ?? "";
      if (pointsElsewhere(rowText, selfPath)) continue;
      if (owner >= 0 && owner !== col && ownedElsewhere(row.cells[owner] ?? "", selfPath, otherSpecs))
        continue;
      const name = /^[\s`"']*([\w.]+)/.exec(row.cells[col] ?? "")?.[1];
      if (name) found.push({ name: (name.split(".").pop() ?? name).toLowerCase(), line: row.line });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}
