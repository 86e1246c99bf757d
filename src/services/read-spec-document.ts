import { buildSpecDocument } from "../core/checks/build-spec-document.js";
import type { DocumentKind, FindingDraft, SpecDocument } from "../core/checks/types.js";
import type { FileIndex } from "../core/files/file-index.js";
import type { RepoSnapshot } from "../ports/repo-snapshot.js";

/** Largest spec or cited source file the checker reads, in bytes (specs are ~50 KB; more is a mistake). */
export const MAX_CHECK_FILE_BYTES = 1024 * 1024;

/** A document read for the checker: parsed, or an `input` finding saying why not, or gone. */
export type ReadDocument =
  { kind: "doc"; doc: SpecDocument } | { kind: "problem"; finding: FindingDraft } | { kind: "absent" };

function problem(path: string, message: string, fix: string): { kind: "problem"; finding: FindingDraft } {
  const finding: FindingDraft = {
    rule: "input",
    severity: "error",
    file: path,
    line: undefined,
    message: `${path} ${message}; it was not checked.`,
    subjects: [path],
    specs: [path],
    fix,
  };
  return { kind: "problem", finding };
}

/** A document's text read for the checker (not parsed yet), or an `input` finding, or gone. */
export type ReadSpecText =
  { kind: "text"; text: string } | { kind: "problem"; finding: FindingDraft } | { kind: "absent" };

/**
 * Reads one markdown document's text for the checker without parsing it, so a caller can
 * reuse an earlier parse when the text has not changed. Files over `MAX_CHECK_FILE_BYTES`
 * and non-UTF-8 files become `input` error findings instead of exceptions.
 */
export async function readSpecText(
  snapshot: RepoSnapshot,
  files: FileIndex,
  path: string,
): Promise<ReadSpecText> {
  const size = files.sizeOf(path) ?? 0;
  if (size > MAX_CHECK_FILE_BYTES) {
    const message = `is ${size} bytes, more than the ${MAX_CHECK_FILE_BYTES} bytes the checker reads`;
    return problem(path, message, "Split the document; a spec should be a few hundred lines.");
  }
  const file = await snapshot.readFile(path);
  if (file.kind === "missing") return { kind: "absent" };
  if (file.kind === "binary") return problem(path, "is not UTF-8 text", "Save the file as UTF-8 text.");
  if (file.kind === "too-large") {
    return problem(
      path,
      `is ${file.size} bytes, over the ${file.limit}-byte read limit`,
      "Split the document.",
    );
  }
  return { kind: "text", text: file.text };
}

/**
 * Parses a document's text for the checker (`buildSpecDocument`); markdown that cannot be
 * parsed, or is nested too deeply, becomes an `input` error finding.
 */
export function parseSpecText(path: string, kind: DocumentKind, text: string): ReadDocument {
  const doc = buildSpecDocument(path, kind, text);
  if ("error" in doc) return problem(path, doc.message, doc.fix);
  return { kind: "doc", doc };
}

/**
 * Reads and parses one markdown document for the checker (`readSpecText` + `parseSpecText`).
 * Files over `MAX_CHECK_FILE_BYTES`, non-UTF-8 files and unparseable markdown become `input`
 * error findings instead of exceptions.
 */
export async function readSpecDocument(
  snapshot: RepoSnapshot,
  files: FileIndex,
  path: string,
  kind: DocumentKind,
): Promise<ReadDocument> {
  const read = await readSpecText(snapshot, files, path);
  return read.kind === "text" ? parseSpecText(path, kind, read.text) : read;
}
