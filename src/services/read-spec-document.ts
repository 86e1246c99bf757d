import { buildSpecDocument } from "../core/checks/build-spec-document.js";
import type { DocumentKind, FindingDraft, SpecDocument } from "../core/checks/types.js";
import type { FileIndex } from "../core/files/file-index.js";
import type { RepoSnapshot } from "../ports/repo-snapshot.js";

/** Largest spec or cited source file the checker reads, in bytes (specs are ~50 KB; more is a mistake). */
export const MAX_CHECK_FILE_BYTES = 1024 * 1024;

/** A document read for the checker: parsed, or an `input` finding saying why not, or gone. */
export type ReadDocument =
  { kind: "doc"; doc: SpecDocument } | { kind: "problem"; finding: FindingDraft } | { kind: "absent" };

function problem(path: string, message: string, fix: string): ReadDocument {
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

/**
 * Reads and parses one markdown document for the checker. Files over `MAX_CHECK_FILE_BYTES`,
 * non-UTF-8 files and unparseable markdown become `input` error findings instead of exceptions.
 */
export async function readSpecDocument(
  snapshot: RepoSnapshot,
  files: FileIndex,
  path: string,
  kind: DocumentKind,
): Promise<ReadDocument> {
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
  const doc = buildSpecDocument(path, kind, file.text);
  if ("error" in doc)
    return problem(path, `could not be parsed as markdown (${doc.error})`, "Fix the markdown syntax.");
  return { kind: "doc", doc };
}
