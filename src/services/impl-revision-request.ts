/** The current spec and the reviewer's feedback of a `/spec revise`. */
export interface RevisionInput {
  /** Where the spec lives, e.g. `specs/order-export.md`. */
  outputPath: string;
  /** The spec's current text (already sanitised). */
  currentText: string;
  /** The reviewer's feedback and review comments as markdown (already sanitised). */
  notes: string;
}

/** Keeps a document from closing the tag it is wrapped in: `</tag` becomes `&lt;/tag`. */
function escapeClosingTag(text: string, tag: string): string {
  return text.replace(new RegExp(`</(${tag})`, "gi"), "&lt;/$1");
}

/**
 * The part appended to the first user message when an implementation spec is revised: what
 * to do, then the current spec and the feedback, each wrapped in its own tag (a closing tag
 * inside the text is escaped so it cannot end the wrapper early).
 */
export function renderRevisionRequest(input: RevisionInput): string {
  const current = escapeClosingTag(input.currentText.replace(/\r\n?/g, "\n").trim(), "current-spec");
  const notes = escapeClosingTag(input.notes.replace(/\r\n?/g, "\n").trim(), "reviewer-feedback");
  return [
    "## Revision requested",
    "",
    `This spec already exists as \`${input.outputPath}\`, and a reviewer asked for changes. Its current text and the ` +
      "reviewer's feedback follow. Revise the spec so that it answers every point of the feedback, keep what the " +
      "feedback does not touch, and hand in the whole revised spec with `submit_spec`. Where the feedback conflicts " +
      "with the discovery document or the code, say so under `### Questions for reviewers` instead of guessing.",
    "",
    `<current-spec path="${input.outputPath}">`,
    current,
    "</current-spec>",
    "",
    "<reviewer-feedback>",
    notes === "" ? "(The reviewer gave no text; review the spec against the discovery document.)" : notes,
    "</reviewer-feedback>",
  ].join("\n");
}
