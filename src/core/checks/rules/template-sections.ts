import { extractSections } from "../../markdown/extract-sections.js";
import type { SpecDocument } from "../types.js";

/** A `##` section the template requires. */
export interface TemplateSection {
  number: string | undefined;
  name: string;
}

/**
 * The `##` sections of the template: the numbered ones (`## 1. Overview`), or every `##`
 * heading when none is numbered. Placeholders in brackets (`[System Name]`) are not required sections.
 */
export function templateSections(template: SpecDocument): TemplateSection[] {
  const level2 = extractSections(template.tree).filter((s) => s.depth === 2 && !/^\[.*\]$/.test(s.name));
  const numbered = level2.filter((s) => s.number !== undefined);
  return (numbered.length > 0 ? numbered : level2).map((s) => ({ number: s.number, name: s.name }));
}
