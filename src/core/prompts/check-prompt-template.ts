import { findPlaceholders } from "./find-placeholders.js";
import { PROMPT_PLACEHOLDERS } from "./prompt-placeholders.js";
import { PromptTemplateError } from "./prompt-template-error.js";
import type { PromptName } from "./prompt-types.js";
import { splitPromptTemplate } from "./split-prompt-template.js";

/**
 * Checks a prompt file before any model call: it has exactly one user-message marker, every
 * placeholder is well-formed, and each part uses only the placeholders documented for it
 * (`PROMPT_PLACEHOLDERS`). A per-agent placeholder in the system part is refused, because the
 * system part must be identical for every agent of a run. Throws `PromptTemplateError`.
 */
export function checkPromptTemplate(name: PromptName, text: string, source: string): void {
  const parts = splitPromptTemplate(text, source);
  const allowed = PROMPT_PLACEHOLDERS[name];
  for (const part of ["system", "user"] as const) {
    const own: readonly string[] = allowed[part];
    const other: readonly string[] = allowed[part === "system" ? "user" : "system"];
    const bad = findPlaceholders(parts[part], source).find((p) => !own.includes(p));
    if (bad === undefined) continue;
    const where = part === "system" ? "above the user-message marker" : "below the user-message marker";
    const misplaced = other.includes(bad)
      ? ` {{${bad}}} is only available ${part === "system" ? "below" : "above"} the marker.`
      : "";
    throw new PromptTemplateError(
      source,
      bad,
      `unknown placeholder {{${bad}}} ${where}`,
      `Placeholders allowed ${where}: ${own.map((p) => `{{${p}}}`).join(" ")}.${misplaced}`,
    );
  }
}
