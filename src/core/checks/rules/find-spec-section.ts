import { extractSections, type Section } from "../../markdown/extract-sections.js";
import { normaliseName } from "../../markdown/normalise-name.js";
import type { SpecDocument } from "../types.js";
import { templateSections, type TemplateSection } from "./template-sections.js";

/** What identifies one of the template's sections across specs. */
export interface SectionKind {
  /** Recognises the section's name when the template names it differently. */
  pattern: RegExp;
  /** Used when there is no template or it has no such section. */
  fallback: TemplateSection;
}

/** The file-tree section (§3 "File Tree" in the seed template). */
export const FILE_TREE_SECTION: SectionKind = {
  pattern: /\b(?:file\s*tree|files|file\s+layout|layout|structure|ownership)\b/i,
  fallback: { number: "3", name: "File Tree" },
};

/** The data-model section ("Data Models" in the seed template). */
export const DATA_MODEL_SECTION: SectionKind = {
  pattern: /\b(?:data\s*models?|schemas?|database|storage|tables|persistence)\b/i,
  fallback: { number: undefined, name: "Data Models" },
};

/** The template's section of this kind (by name pattern), or the fallback. */
export function templateSectionOf(template: SpecDocument | undefined, kind: SectionKind): TemplateSection {
  const found = template ? templateSections(template).find((s) => kind.pattern.test(s.name)) : undefined;
  return found ?? kind.fallback;
}

/**
 * The spec's `##` section matching the template's section: same name, else a name matching the
 * kind's pattern, else the same number.
 */
export function findSpecSection(
  doc: SpecDocument,
  want: TemplateSection,
  kind: SectionKind,
): Section | undefined {
  const level2 = extractSections(doc.tree).filter((s) => s.depth === 2);
  const key = normaliseName(want.name);
  return (
    level2.find((s) => normaliseName(s.name) === key) ??
    level2.find((s) => kind.pattern.test(s.name)) ??
    (want.number ? level2.find((s) => s.number === want.number) : undefined)
  );
}
