import type { SourceLine } from "./import-types.js";

/** The sections of an agent prompt the importer knows. */
export type SegmentKind = "preamble" | "readFirst" | "assignment" | "keyFiles" | "rules" | "note" | "unknown";

/** A labelled part of a prompt block: `RULES:` and the lines up to the next label. */
export interface BlockSegment {
  kind: SegmentKind;
  /** The label as written (without the colon); empty for the preamble. */
  label: string;
  /** Line of the label (first line of the block for the preamble). */
  line: number;
  /** Text after the colon on the label's line. */
  inline: string;
  lines: SourceLine[];
}

const KNOWN_LABELS: readonly [RegExp, SegmentKind][] = [
  [/^read\b.*\bfirst\b/i, "readFirst"],
  [/^(?:your\s+)?assignment$/i, "assignment"],
  [/^key\s+files\b/i, "keyFiles"],
  [/^rules$/i, "rules"],
  [/^notes?$/i, "note"],
];
const LABEL_RE = /^\s*([A-Za-z][A-Za-z0-9 &'/-]*?)\s*(?:\([^)]*\))?\s*:\s*(.*)$/;
const ALL_CAPS_RE = /^[A-Z][A-Z0-9 &'/-]*$/;

function classifyLabel(text: string): { kind: SegmentKind; label: string; inline: string } | undefined {
  const m = LABEL_RE.exec(text);
  const label = m?.[1]?.trim();
  if (!m || !label) return undefined;
  const known = KNOWN_LABELS.find(([re]) => re.test(label.replace(/\s+/g, " ")));
  if (known) return { kind: known[1], label, inline: (m[2] ?? "").trim() };
  // Unknown labels count only when written like the known ones: in capitals (`OUTPUT:`).
  return ALL_CAPS_RE.test(label) && label.length > 1
    ? { kind: "unknown", label, inline: (m[2] ?? "").trim() }
    : undefined;
}

/**
 * Splits a prompt block at its labels (`READ THESE FILES FIRST (in order):`, `YOUR ASSIGNMENT:`,
 * `KEY FILES TO READ:`, `RULES:`, `NOTE:`, and any other capitalised `LABEL:`). Label lines start
 * at the margin without a list marker; text before the first label is the preamble.
 */
export function splitBlockSegments(body: readonly SourceLine[]): BlockSegment[] {
  const first = body[0]?.line ?? 1;
  const segments: BlockSegment[] = [{ kind: "preamble", label: "", line: first, inline: "", lines: [] }];
  for (const source of body) {
    const label = /^\S/.test(source.text) ? classifyLabel(source.text) : undefined;
    if (label) segments.push({ ...label, line: source.line, lines: [] });
    else segments[segments.length - 1]?.lines.push(source);
  }
  return segments;
}
