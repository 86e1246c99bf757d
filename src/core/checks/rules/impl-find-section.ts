import { extractSections, type Section } from "../../markdown/extract-sections.js";
import type { SpecDocument } from "../types.js";

/** The `##` sections of the implementation-spec template, in order (`general-spec-builder` template). */
export const IMPL_SECTION_NAMES = [
  "Meta",
  "Overview",
  "Skills",
  "Requirements",
  "Architecture",
  "Reference Files",
  "Execution Plan",
  "Acceptance Criteria",
  "Completion Promise",
  "Notes",
] as const;

/** Lower-case letters and digits only: `Reference  Files` and `reference-files` compare equal. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

const cache = new WeakMap<SpecDocument, Section[]>();

/** Every section of the document (parsed once per document). */
export function sectionsOf(doc: SpecDocument): Section[] {
  let sections = cache.get(doc);
  if (!sections) {
    sections = extractSections(doc.tree);
    cache.set(doc, sections);
  }
  return sections;
}

/** The first `##` section named `name` (ignoring case, punctuation and a leading number), if any. */
export function findImplSection(doc: SpecDocument, name: string, depth = 2): Section | undefined {
  const wanted = normaliseName(name);
  return sectionsOf(doc).find((s) => s.depth === depth && normaliseName(s.name) === wanted);
}

/** The sections nested in `parent` (deeper headings within its line range), in document order. */
export function subsectionsOf(doc: SpecDocument, parent: Section, depth = parent.depth + 1): Section[] {
  return sectionsOf(doc).filter((s) => s.depth === depth && s.line > parent.line && s.line <= parent.endLine);
}
