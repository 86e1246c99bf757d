import type { SpecDocument } from "../checks/types.js";
import { extractSections } from "./extract-sections.js";
import { extractTables } from "./extract-tables.js";
import { readFeatureTable } from "./read-feature-table.js";
import type { StatusReading } from "./read-status.js";

/** A feature listed in the registry. */
export interface RegistryFeature {
  name: string;
  status: StatusReading;
  /** 1-based line of the row. */
  line: number;
}

/** A `## N. Title` section of the feature registry (one per agent). */
export interface RegistrySection {
  /** `3` for `## 3. Sessions & Gateway`; undefined for an unnumbered heading. */
  number: string | undefined;
  /** `Sessions & Gateway`. */
  name: string;
  /** 1-based line of the heading. */
  line: number;
  features: RegistryFeature[];
}

/**
 * Reads the feature registry: each `##` section with the rows of its feature tables
 * (tables with a `Status` column, including those under `###` subsections).
 */
export function extractRegistry(doc: SpecDocument): RegistrySection[] {
  return extractSections(doc.tree)
    .filter((s) => s.depth === 2)
    .map((section) => ({
      number: section.number,
      name: section.name,
      line: section.line,
      features: extractTables(section.children).flatMap((table) =>
        (readFeatureTable(table) ?? []).map((row) => ({
          name: row.feature,
          status: row.status,
          line: row.line,
        })),
      ),
    }));
}
