import type { List, ListItem, Paragraph } from "mdast";
import { toString } from "mdast-util-to-string";
import type { Section } from "../../markdown/extract-sections.js";
import { columnIndex, extractTables } from "../../markdown/extract-tables.js";
import type { SpecDocument } from "../types.js";
import { findImplSection, normaliseName, subsectionsOf } from "./impl-find-section.js";

/** A row of the Work Streams table. */
export interface PlanStream {
  name: string;
  /** Paths from the Owns cell (trailing `/` kept for directories). */
  owns: string[];
  line: number;
}

/** A row of a phase's chunk table. */
export interface PlanChunkRow {
  name: string;
  stream: string;
  outcome: string;
  dependsOn: string;
  line: number;
}

/** A `- [ ] **Chunk**` entry of a phase's details, with its `Outcome:` / `Stream:` / `Skills:` lines. */
export interface PlanChunkDetail {
  name: string;
  fields: ReadonlyMap<"outcome" | "stream" | "skills", string>;
  line: number;
}

export interface PlanPhase {
  number: number;
  title: string;
  line: number;
  rows: PlanChunkRow[];
  details: PlanChunkDetail[];
}

export interface ExecutionPlan {
  section: Section;
  /** The Work Streams table, when there is one. */
  streams: { line: number; rows: PlanStream[] } | undefined;
  phases: PlanPhase[];
}

const FIELD_RE = /^\s*(outcome|stream|skills)\s*:\s*(.*)$/i;

function parseDetail(item: ListItem): PlanChunkDetail | undefined {
  const first = item.children[0];
  if (first?.type !== "paragraph") return undefined;
  const lead = first.children.find((c) => !(c.type === "text" && c.value.trim() === ""));
  if (lead?.type !== "strong") return undefined;
  const fields = new Map<"outcome" | "stream" | "skills", string>();
  for (const child of item.children) {
    if (child.type !== "paragraph") continue;
    for (const line of toString(child as Paragraph).split("\n")) {
      const m = FIELD_RE.exec(line);
      const key = m?.[1]?.toLowerCase() as "outcome" | "stream" | "skills" | undefined;
      if (m && key && !fields.has(key)) fields.set(key, (m[2] ?? "").trim());
    }
  }
  return { name: toString(lead).trim(), fields, line: item.position?.start.line ?? 0 };
}

function parsePhase(section: Section, number: number): PlanPhase {
  const rows: PlanChunkRow[] = [];
  for (const table of extractTables(section.children)) {
    const chunk = columnIndex(table, "chunk");
    if (chunk < 0) continue;
    const cell = (cells: string[], names: string[]) => {
      const i = columnIndex(table, ...names);
      return i < 0 ? "" : (cells[i] ?? "").trim();
    };
    for (const row of table.rows) {
      rows.push({
        name: (row.cells[chunk] ?? "").trim(),
        stream: cell(row.cells, ["stream"]),
        outcome: cell(row.cells, ["outcome"]),
        dependsOn: cell(row.cells, ["depends on", "dependson", "depends"]),
        line: row.line,
      });
    }
  }
  const details = section.children
    .filter((n): n is List => n.type === "list")
    .flatMap((list) => list.children.map(parseDetail))
    .filter((d): d is PlanChunkDetail => d !== undefined);
  return { number, title: section.title, line: section.line, rows, details };
}

function parseOwns(cell: string): string[] {
  return cell
    .split(/\s*(?:,|;|<br\s*\/?>)\s*|\s+and\s+/i)
    .map((entry) => (entry.trim().split(/\s+/)[0] ?? "").replace(/^\.\/+/, ""))
    .filter((p) => p !== "" && !/^[—–-]$/.test(p));
}

/** Reads the Execution Plan section of an implementation spec: Work Streams table, phases, chunks. */
export function parseExecutionPlan(doc: SpecDocument): ExecutionPlan | undefined {
  const section = findImplSection(doc, "Execution Plan");
  if (!section) return undefined;
  const subsections = subsectionsOf(doc, section);
  const streamsSection = subsections.find((s) => normaliseName(s.name) === "workstreams");
  const streamsTable = streamsSection
    ? extractTables(streamsSection.children).find((t) => columnIndex(t, "stream") >= 0)
    : undefined;
  const streams = streamsTable
    ? {
        line: streamsTable.line,
        rows: streamsTable.rows.map((row) => {
          const owns = columnIndex(streamsTable, "owns");
          return {
            name: (row.cells[columnIndex(streamsTable, "stream")] ?? "").trim(),
            owns: owns < 0 ? [] : parseOwns(row.cells[owns] ?? ""),
            line: row.line,
          };
        }),
      }
    : undefined;
  const phases = subsections.flatMap((s) => {
    const m = /^phase\s+(\d+)\b/i.exec(s.title);
    return m ? [parsePhase(s, Number(m[1]))] : [];
  });
  return { section, streams, phases };
}
