import type { FileIndex } from "../../files/file-index.js";
import { extractCitations } from "../../markdown/extract-citations.js";
import { normaliseName } from "../../markdown/normalise-name.js";
import type { Citation, SpecDocument } from "../types.js";
import { sectionsOf } from "./impl-find-section.js";
import { resolveTreeRoots } from "./resolve-tree-roots.js";

const cache = new WeakMap<SpecDocument, { files: FileIndex; citations: Citation[] }>();

/**
 * The citations of a document that rules verify (`citation-missing`, `anchor-unresolved`, the
 * checker's source loading): all of a system spec's or the registry's, with tree roots that are only
 * labels dropped (see `resolveTreeRoots`); in an implementation spec only the Reference Files
 * section's, because the plan (Work Streams "Owns", chunk files, code to be written) names files
 * the work will create. Cached per document and file index; do not mutate the result.
 */
export function citationsToCheck(doc: SpecDocument, files: FileIndex): readonly Citation[] {
  const cached = cache.get(doc);
  if (cached && cached.files === files) return cached.citations;
  let citations = resolveTreeRoots(extractCitations(doc), files);
  if (doc.kind === "implementation") {
    const ranges = sectionsOf(doc)
      .filter((s) => normaliseName(s.name) === "reference files")
      .map((s) => [s.line, s.endLine] as const);
    citations = citations.filter((c) => ranges.some(([start, end]) => c.line > start && c.line <= end));
  }
  cache.set(doc, { files, citations });
  return citations;
}
