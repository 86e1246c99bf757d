import { PromptTemplateError } from "./prompt-template-error.js";

const LEADING_COMMENT_RE = /^\uFEFF?\s*<!--[\s\S]*?-->[ \t]*(?:\r?\n)*/;

/**
 * Removes the HTML comment a prompt file starts with (its documentation: purpose and
 * placeholders), together with the blank lines after it. Text without a leading comment is
 * returned unchanged. Throws `PromptTemplateError` when the comment is never closed.
 */
export function stripLeadingComment(template: string, source: string): string {
  if (!/^\uFEFF?\s*<!--/.test(template)) return template.replace(/^\uFEFF/, "");
  const match = LEADING_COMMENT_RE.exec(template);
  if (!match) {
    throw new PromptTemplateError(
      source,
      undefined,
      "the comment at the top of the file is never closed",
      "End the leading comment with `-->` on its own line.",
    );
  }
  return template.slice(match[0].length);
}
