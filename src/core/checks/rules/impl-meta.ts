import { columnIndex, extractTables } from "../../markdown/extract-tables.js";
import type { CheckContext, CheckRule, FindingDraft, SpecDocument } from "../types.js";
import { findImplSection } from "./impl-find-section.js";

/** Work types of the implementation-spec template. */
export const IMPL_TYPES = ["backend-api", "frontend", "agent-langgraph", "agent-dspy"] as const;
/** Statuses of the implementation-spec template. */
export const IMPL_STATUSES = ["draft", "in-progress", "complete"] as const;

const PLACEHOLDER = /^\[.*\]$/;

function isCalendarDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * A date in a common notation: ISO `2026-03-04` (preferred; a time or a note in parentheses may
 * follow), `2026/03/04`, `04.03.2026` or `04/03/2026` (day first), and written-out months such as
 * `4 March 2026` or `March 4, 2026`. Impossible dates (`2026-02-30`) are not dates.
 */
function isDate(raw: string): boolean {
  const value = raw.replace(/\s*\([^)]*\)\s*$/, "").trim();
  const ymd =
    /^(\d{4})[-/](\d{2})[-/](\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      value,
    );
  if (ymd) return isCalendarDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  const dmy = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(value);
  if (dmy) return isCalendarDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  return /\b\d{4}\b/.test(value) && /[a-z]{3}/i.test(value) && !Number.isNaN(Date.parse(value));
}

/** Returns a problem description for a field value, or undefined when it is fine. */
function problemWith(field: string, value: string): { message: string; fix: string } | undefined {
  if (value === "" || PLACEHOLDER.test(value)) {
    return {
      message: `Meta field ${field} is not filled in${value ? ` ("${value}")` : ""}.`,
      fix: `Fill in ${field}.`,
    };
  }
  const v = value.toLowerCase();
  if (field === "Type") {
    const parts = v.split(/\s*(?:,|\+|&|\band\b)\s*/).filter(Boolean);
    const bad = parts.filter((p) => !(IMPL_TYPES as readonly string[]).includes(p));
    if (bad.length === 0) return undefined;
    return {
      message: `Meta Type "${value}" is not one of ${IMPL_TYPES.join(", ")}.`,
      fix: `Use one type (or several joined with "+" for hybrid work): ${IMPL_TYPES.join(" / ")}.`,
    };
  }
  if (field === "Status" && !(IMPL_STATUSES as readonly string[]).includes(v)) {
    return {
      message: `Meta Status "${value}" is not one of ${IMPL_STATUSES.join(", ")}.`,
      fix: `Use ${IMPL_STATUSES.join(" / ")}.`,
    };
  }
  if (field === "Created" && !isDate(value)) {
    return {
      message: `Meta Created "${value}" is not a date.`,
      fix: "Write the creation date as YYYY-MM-DD (for example 2026-03-04); 4 March 2026 and 2026/03/04 are accepted too.",
    };
  }
  return undefined;
}

function checkSpec(doc: SpecDocument): FindingDraft[] {
  const meta = findImplSection(doc, "Meta");
  if (!meta) return []; // impl-section reports the missing section
  const base = { rule: "impl-meta" as const, file: doc.path, specs: [doc.path] };
  const table = extractTables(meta.children).find((t) => t.header.length >= 2);
  if (!table) {
    return [
      {
        ...base,
        severity: "error",
        line: meta.line,
        message: "The Meta section has no Field | Value table.",
        subjects: [doc.path, "meta:table"],
        fix: "Add the template's Meta table with rows Type, Repo, Status and Created.",
      },
    ];
  }
  const fieldCol = Math.max(0, columnIndex(table, "field"));
  const valueCol = columnIndex(table, "value") >= 0 ? columnIndex(table, "value") : fieldCol === 0 ? 1 : 0;
  const rows = new Map<string, { value: string; line: number }>();
  for (const row of table.rows) {
    const field = (row.cells[fieldCol] ?? "").replace(/[*_`]/g, "").trim().toLowerCase();
    if (field && !rows.has(field))
      rows.set(field, { value: (row.cells[valueCol] ?? "").trim(), line: row.line });
  }
  const findings: FindingDraft[] = [];
  for (const field of ["Type", "Repo", "Status", "Created"]) {
    const row = rows.get(field.toLowerCase());
    const problem = row
      ? problemWith(field, row.value)
      : {
          message: `The Meta table has no ${field} row.`,
          fix: `Add a "| ${field} | … |" row to the Meta table.`,
        };
    if (problem) {
      findings.push({
        ...base,
        severity: "error",
        line: row?.line ?? table.line,
        subjects: [doc.path, `meta:${field}`],
        ...problem,
      });
    }
  }
  return findings;
}

/** `impl-meta`: the Meta table has a valid Type, a Repo, a valid Status and a Created date. */
export const implMetaRule: CheckRule = {
  id: "impl-meta",
  description:
    "Implementation-spec Meta table: Type (backend-api/frontend/agent-langgraph/agent-dspy), Repo, Status (draft/in-progress/complete), Created date.",
  run: (ctx: CheckContext) => ctx.implSpecs.flatMap(checkSpec),
};
