import { PromptTemplateError } from "./prompt-template-error.js";
import { stripLeadingComment } from "./strip-leading-comment.js";

/** Anything between `{{` and `}}`; the name inside must be a plain identifier. */
export const PLACEHOLDER_RE = /\{\{([^{}]*)\}\}/g;

/** A valid placeholder name: a letter, then letters, digits or underscores (`specFile`, `lines_min`). */
export const PLACEHOLDER_NAME_RE = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * The placeholder names a template uses, unique, in order of first use. The leading HTML
 * comment is documentation and is skipped. Throws `PromptTemplateError` for a malformed
 * placeholder such as `{{#items}}` or `{{ }}` (the only syntax is `{{name}}`).
 */
export function findPlaceholders(template: string, source: string): string[] {
  const body = stripLeadingComment(template, source);
  const names: string[] = [];
  for (const match of body.matchAll(PLACEHOLDER_RE)) {
    const name = (match[1] ?? "").trim();
    if (!PLACEHOLDER_NAME_RE.test(name)) {
      throw new PromptTemplateError(
        source,
        match[0],
        `malformed placeholder ${match[0]}`,
        "Placeholders are written {{name}} with a plain name (letters, digits, underscores); there are no sections, loops or filters.",
      );
    }
    if (!names.includes(name)) names.push(name);
  }
  return names;
}
