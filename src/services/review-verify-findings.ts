import type { FindingDraft, Severity } from "../core/checks/types.js";
import { sanitizeUserText } from "../core/prompts/sanitize-user-text.js";
import type { LlmFinding } from "./review-report-tool.js";
import { resolveReviewPath } from "./review-resolve-path.js";

/** What the evidence of the model's findings is checked against. */
export interface VerifyContext {
  /** Every file of the snapshot (with this run's files). */
  files: ReadonlySet<string>;
  /** Texts of the files evidence points at, by resolved path; absent = not readable as text. */
  texts: ReadonlyMap<string, string>;
  /** The specs folder, for bare spec names (`orders.md`). */
  specsDir: string;
}

/** A model finding that survived verification, as a checker finding (without id). */
export interface VerifiedFinding {
  draft: FindingDraft;
  /** The model's subjects, normalised (for matching against deterministic findings). */
  topics: string[];
}

/** The outcome: the findings kept, and what was dropped or changed, in plain words. */
export interface VerifyResult {
  findings: VerifiedFinding[];
  notes: string[];
}

interface Evidence {
  file: string;
  line: number;
  quote: string | undefined;
}

const LINE_SLACK = 3;
const DOWNGRADE: Readonly<Record<Severity, Severity>> = { error: "warning", warning: "info", info: "info" };

const oneLine = (s: string): string => sanitizeUserText(s).text.replace(/\s+/g, " ").trim();
const short = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);
/** Text compared for quotes: lower case, no markdown emphasis or table pipes, single spaces. */
const squash = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[`*_~>#|]/g, "")
    .replace(/\s+/g, " ")
    .trim();

/** Normalised subject: lower case, without a `kind:` prefix, punctuation as spaces. */
export function topicKey(subject: string): string {
  return subject
    .toLowerCase()
    .replace(/^[a-z][a-z-]*:\s*(?=\S)/, "")
    .replace(/[^a-z0-9/.]+/g, " ")
    .trim();
}

function splitLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  if (lines.length > 1 && lines.at(-1) === "") lines.pop();
  return lines;
}

/** The line of the quote nearest to `line` (a quote may span up to three lines), or undefined. */
function locateQuote(lines: readonly string[], line: number, quote: string): number | undefined {
  const parts = quote
    .split(/\.\.\.|…/)
    .map(squash)
    .sort((a, b) => b.length - a.length);
  const needle = parts[0] ?? "";
  if (needle === "") return line <= lines.length ? line : undefined;
  const nearest = (matches: (i: number) => boolean): number | undefined => {
    let best: number | undefined;
    for (let i = 0; i < lines.length; i++) {
      if (matches(i) && (best === undefined || Math.abs(i + 1 - line) < Math.abs(best - line))) best = i + 1;
    }
    return best;
  };
  return (
    nearest((i) => squash(lines[i] ?? "").includes(needle)) ??
    nearest((i) => squash(lines.slice(i, i + 3).join(" ")).includes(needle))
  );
}

function checkEvidence(
  raw: LlmFinding["evidence"][number],
  ctx: VerifyContext,
): { ok: Evidence; note?: string } | { problem: string } {
  const file = resolveReviewPath(raw.file, ctx.files, ctx.specsDir);
  const text = file === undefined ? undefined : ctx.texts.get(file);
  if (file === undefined || text === undefined)
    return { problem: `${raw.file} does not exist or is not text` };
  const lines = splitLines(text);
  const quote = raw.quote?.trim() ? oneLine(raw.quote) : undefined;
  if (quote === undefined) {
    if (raw.line > lines.length) return { problem: `${file} has ${lines.length} lines, not ${raw.line}` };
    return { ok: { file, line: raw.line, quote } };
  }
  const found = locateQuote(lines, raw.line, quote);
  if (found === undefined) return { problem: `the quote is not in ${file} (cited at line ${raw.line})` };
  const ok = { file, line: found, quote };
  // Off by a line or two is usual; a bigger move is worth telling the reader about.
  return Math.abs(found - raw.line) <= LINE_SLACK
    ? { ok }
    : { ok, note: `${file}:${raw.line} corrected to line ${found}, where the quote is` };
}

function label(f: LlmFinding): string {
  return `${f.category} "${short(oneLine(f.message), 80)}"`;
}

/**
 * Checks the model's findings against the files before they are reported: every evidence
 * file must exist as text and every line must be in it; a quote, when given, must be in the
 * file, and the line moves to the nearest line holding it (a move of more than a few lines is
 * noted). A finding with no verifiable evidence is dropped; one with some unverifiable evidence keeps the rest and is
 * downgraded one severity level. Each drop or change is described in `notes`. The kept findings
 * become checker findings: rule = category, file and line of the first verified evidence, specs
 * = the existing specs named plus the evidence files, subjects = the normalised subjects plus
 * those files (so the id does not depend on the order the model listed them in), and the
 * evidence is appended to the message. Model text is cleaned of hidden characters and comments.
 */
export function verifyLlmFindings(findings: readonly LlmFinding[], ctx: VerifyContext): VerifyResult {
  const kept: VerifiedFinding[] = [];
  const notes: string[] = [];
  for (const finding of findings) {
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    for (const raw of finding.evidence) {
      const checked = checkEvidence(raw, ctx);
      if ("problem" in checked) problems.push(checked.problem);
      else {
        evidence.push(checked.ok);
        if (checked.note) notes.push(`Evidence of ${label(finding)}: ${checked.note}.`);
      }
    }
    const first = evidence[0];
    if (!first) {
      notes.push(
        `Dropped ${label(finding)}: none of its evidence could be verified (${problems.join("; ")}).`,
      );
      continue;
    }
    let severity: Severity = finding.severity;
    if (problems.length > 0) {
      severity = DOWNGRADE[finding.severity];
      notes.push(
        `${label(finding)}: ${problems.length} of ${finding.evidence.length} evidence references could not be verified ` +
          `(${problems.join("; ")}) and were left out; severity ${finding.severity === severity ? "stays" : "lowered to"} ${severity}.`,
      );
    }
    const named = finding.specs
      .map((s) => resolveReviewPath(s, ctx.files, ctx.specsDir))
      .filter((s): s is string => s !== undefined);
    const specs = [...new Set([...named, ...evidence.map((e) => e.file)])].sort();
    const topics = [...new Set(finding.subjects.map(topicKey).filter((t) => t !== ""))].sort();
    const cited = evidence
      .map((e) => `${e.file}:${e.line}${e.quote ? ` ("${short(e.quote, 100)}")` : ""}`)
      .join("; ");
    kept.push({
      topics,
      draft: {
        rule: finding.category,
        severity,
        file: first.file,
        line: first.line,
        message: `${oneLine(finding.message).replace(/([^.!?])$/, "$1.")} Evidence: ${cited}.`,
        subjects: [...new Set([...topics, ...specs])],
        specs,
        fix: oneLine(finding.fix),
      },
    });
  }
  return { findings: kept, notes };
}
