import { USER_MESSAGE_MARKER } from "./prompt-placeholders.js";
import { PromptTemplateError } from "./prompt-template-error.js";
import { stripLeadingComment } from "./strip-leading-comment.js";

/** A prompt file cut at its user-message marker. */
export interface PromptParts {
  /** Everything above the marker, including the leading comment (`fillTemplate` strips it). */
  system: string;
  /** Everything below the marker: the first user message. */
  user: string;
}

/**
 * Splits a prompt file at the line holding only `<!-- specwright:user-message -->`. Line
 * endings are normalised to `\n` and trailing whitespace of each part is removed. Throws
 * `PromptTemplateError` when the marker is missing or appears more than once, or when a part
 * is empty (the model API refuses empty text blocks).
 */
export function splitPromptTemplate(text: string, source: string): PromptParts {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const markers = lines.flatMap((line, i) => (line.trim() === USER_MESSAGE_MARKER ? [i] : []));
  const hint = `Put a line holding only ${USER_MESSAGE_MARKER} between the system prompt and the first user message (see the built-in prompts/ files).`;
  if (markers.length !== 1) {
    throw new PromptTemplateError(
      source,
      undefined,
      markers.length === 0
        ? "the user-message marker line is missing"
        : `the user-message marker appears ${markers.length} times (lines ${markers.map((i) => i + 1).join(", ")})`,
      hint,
    );
  }
  const at = markers[0] as number;
  const parts = {
    system: lines.slice(0, at).join("\n").trimEnd(),
    user: lines
      .slice(at + 1)
      .join("\n")
      .trim(),
  };
  for (const [part, where] of [
    ["system", "above"],
    ["user", "below"],
  ] as const) {
    if (stripLeadingComment(parts[part], source).trim() === "") {
      throw new PromptTemplateError(
        source,
        undefined,
        `the ${part} part (${where} the marker) is empty`,
        hint,
      );
    }
  }
  return parts;
}
