import type { SpecDocument } from "../checks/types.js";
import { columnIndex, extractTables, type ParsedTable } from "./extract-tables.js";

/** One glossary row: the canonical term and the words not to use for it. */
export interface GlossaryEntry {
  /** The canonical term, e.g. `sandbox`. */
  term: string;
  definition: string;
  /** Words the brief says not to use for this concept, as written (e.g. `environment`, `VM`). */
  forbidden: string[];
  /** 1-based line of the row in the brief. */
  line: number;
}

const FORBIDDEN_HEADER =
  /\b(?:do\s*not|don'?t|never|avoid|forbidden|disallowed|banned|instead\s+of|not\s+to\s+use|aliases?\s+to\s+avoid|deprecated\s+terms?|wrong|incorrect)\b/i;
const EMPTY_CELL = /^(?:[-–—]+|n\/?a|none|nothing|\(none\)|)$/i;

function findForbiddenColumn(table: ParsedTable): number {
  return table.header.findIndex((h) => FORBIDDEN_HEADER.test(h));
}

const QUOTED = /["“”]([^"“”]+)["“”]|(?<![\p{L}])['‘’]([^'‘’]+)['‘’](?![\p{L}])/gu;
/** "Never call it a", "don't say", "avoid", "not an": instructions around the word, not the word. */
const LEAD_IN =
  /^(?:(?:never|don'?t|do\s+not|avoid|not)(?:\s+(?:call\s+it|say|use|write|name\s+it|refer\s+to\s+it\s+as))?)(?:\s+(?:an?|the|as))?(?:\s+|$)/i;

/**
 * Splits a "Do NOT call it" cell into terms: quoted words first, then the rest of the cell split on
 * commas, semicolons, slashes and "or", with lead-ins such as "Never call it a" dropped
 * (`"VM", container` → VM, container; `Never call it a VM` → VM).
 */
function splitForbidden(cell: string): string[] {
  const quoted = [...cell.matchAll(QUOTED)].map((m) => (m[1] ?? m[2] ?? "").trim()).filter(Boolean);
  const rest = cell
    .replace(QUOTED, " ")
    .replace(/\([^)]*\)/g, " ")
    .split(/[,;/\n]|\s+or\s+/i)
    .map((p) =>
      p
        .replace(/^[\s`*_]+|[\s`*_.]+$/g, "")
        .replace(LEAD_IN, "")
        .trim(),
    );
  return [...quoted, ...rest].filter((p) => !EMPTY_CELL.test(p) && p.length >= 2 && p.length <= 60);
}

/**
 * Reads the boundary brief's glossary: the first table with a "Do NOT call it"-style column
 * (`Do NOT call it`, `Avoid`, `Instead of`, …) and a term column (`Term`, `Canonical term`, else the first column).
 * Returns undefined when the brief has no such table.
 */
export function extractGlossary(doc: SpecDocument): GlossaryEntry[] | undefined {
  const table = extractTables(doc.tree).find((t) => findForbiddenColumn(t) >= 0);
  if (!table) return undefined;
  const forbiddenCol = findForbiddenColumn(table);
  const named = columnIndex(
    table,
    "Term",
    "Canonical term",
    "Canonical",
    "Concept",
    "Use",
    "Name",
    "Preferred term",
  );
  const termCol = named >= 0 && named !== forbiddenCol ? named : forbiddenCol === 0 ? 1 : 0;
  const definitionCol = columnIndex(table, "Definition", "Meaning", "Description", "What it is");
  const entries: GlossaryEntry[] = [];
  for (const row of table.rows) {
    const term = (row.cells[termCol] ?? "").replace(/^[`*_"]+|[`*_"]+$/g, "").trim();
    if (term === "") continue;
    const lowerTerm = term.toLowerCase();
    const forbidden = [...new Set(splitForbidden(row.cells[forbiddenCol] ?? ""))].filter(
      (f) => f.toLowerCase() !== lowerTerm,
    );
    entries.push({
      term,
      definition: definitionCol >= 0 ? (row.cells[definitionCol] ?? "") : "",
      forbidden,
      line: row.line,
    });
  }
  return entries;
}
