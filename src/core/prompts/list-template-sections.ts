import { extractSections } from "../markdown/extract-sections.js";
import { parseMarkdown } from "../markdown/parse-markdown.js";

/**
 * The level-2 (`##`) headings of a spec template, in order: the sections every spec built
 * from it must have (for the built-in implementation template: Meta, Overview, Skills, …).
 * Headings inside code blocks are ignored because the markdown is parsed, not grepped.
 */
export function listTemplateSections(template: string): string[] {
  return extractSections(parseMarkdown(template))
    .filter((section) => section.depth === 2)
    .map((section) => section.title);
}
