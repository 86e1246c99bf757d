import { findPlaceholders, PLACEHOLDER_RE } from "./find-placeholders.js";
import { PromptTemplateError } from "./prompt-template-error.js";
import { stripLeadingComment } from "./strip-leading-comment.js";

/**
 * Fills a prompt template: strips its leading HTML comment, then replaces every `{{name}}`
 * (spaces inside the braces are allowed) with `values[name]`, verbatim. Values are inserted
 * once and never scanned again, so a value may itself contain `{{…}}`. Values the template
 * does not use are ignored (an override may leave things out).
 *
 * Throws `PromptTemplateError`, naming `source` and the placeholder, when the template uses a
 * placeholder that is not a key of `values` (unknown), when a key is present without a string
 * value (missing), or when a placeholder is malformed.
 */
export function fillTemplate(template: string, values: Record<string, string>, source: string): string {
  const known = Object.keys(values);
  const used = findPlaceholders(template, source);
  const unknown = used.filter((name) => !Object.hasOwn(values, name));
  if (unknown.length > 0) {
    const list = unknown.map((n) => `{{${n}}}`).join(", ");
    throw new PromptTemplateError(
      source,
      unknown[0],
      `unknown placeholder${unknown.length > 1 ? "s" : ""} ${list}`,
      known.length > 0
        ? `Only these placeholders can be used here: ${known.map((n) => `{{${n}}}`).join(" ")}.`
        : "No placeholders can be used here.",
    );
  }
  const missing = used.find((name) => typeof values[name] !== "string");
  if (missing !== undefined) {
    throw new PromptTemplateError(
      source,
      missing,
      `no value for placeholder {{${missing}}}`,
      "This is a bug in Specwright: the value should always be provided. Please report it.",
    );
  }
  return stripLeadingComment(template, source).replace(PLACEHOLDER_RE, (_whole, name: string) => {
    return values[name.trim()] as string;
  });
}
