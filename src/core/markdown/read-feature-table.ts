import { columnIndex, type ParsedTable } from "./extract-tables.js";
import { readStatus, type StatusReading } from "./read-status.js";

/** A row of a feature table: a feature and its status. */
export interface FeatureRow {
  /** The feature cell as written (inline markdown flattened). */
  feature: string;
  status: StatusReading;
  /** 1-based line of the row. */
  line: number;
  /** All cells of the row. */
  cells: string[];
}

const FEATURE_COLUMNS = [
  "Feature",
  "Features",
  "Name",
  "Capability",
  "Component",
  "Item",
  "Area",
  "Functionality",
];

/**
 * Reads a table as a feature table: it needs a `Status` column (not the first column) whose values are
 * mostly feature statuses or recognisable variants of them, so tables of session or run states
 * (`running`, `paused`) are not mistaken for feature tables. Returns undefined for other tables.
 */
export function readFeatureTable(table: ParsedTable): FeatureRow[] | undefined {
  const statusCol = columnIndex(table, "Status");
  if (statusCol <= 0 || table.rows.length === 0) return undefined;
  const named = columnIndex(table, ...FEATURE_COLUMNS);
  const featureCol = named >= 0 && named !== statusCol ? named : 0;
  const rows = table.rows
    .map((row) => ({
      feature: row.cells[featureCol] ?? "",
      status: readStatus(row.cells[statusCol] ?? ""),
      line: row.line,
      cells: row.cells,
    }))
    .filter((r) => r.feature !== "" || r.status.raw !== "");
  const recognised = rows.filter((r) => r.status.status ?? r.status.suggestion).length;
  if (recognised === 0 || recognised * 2 < rows.length) return undefined;
  return rows;
}
