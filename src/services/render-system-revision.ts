import { sanitizeUserText } from "../core/prompts/sanitize-user-text.js";

/** Keeps a document from closing the tag it is wrapped in: `</tag` becomes `&lt;/tag`. */
function escapeClosingTag(text: string, tag: string): string {
  return text.replace(new RegExp(`</(${tag})`, "gi"), "&lt;/$1");
}

/**
 * What is appended to a system-spec agent's assignment for `/spec revise`: what to do, then the
 * spec's current text and the reviewers' feedback, both cleaned of hidden content and each in
 * its own tag (a closing tag inside the text is escaped).
 */
export function renderSystemRevision(input: {
  specFile: string;
  currentText: string;
  feedback: string;
}): string {
  const current = escapeClosingTag(sanitizeUserText(input.currentText).text.trim(), "current-spec");
  const notes = escapeClosingTag(sanitizeUserText(input.feedback).text.trim(), "reviewer-feedback");
  return [
    "## Revision requested",
    "",
    `\`${input.specFile}\` has been written, and reviewers asked for changes. Its current text and their feedback ` +
      "follow (the current text is also what `read_file` returns for that path). Revise the spec so that it answers " +
      "every point of the feedback, keep what the feedback does not touch and is still true, check your changes " +
      "against the code with the tools, and hand in the whole revised spec with `submit_spec`. Where the feedback " +
      "contradicts the code, follow the code and say so in the spec.",
    "",
    `<current-spec path="${input.specFile}">`,
    current,
    "</current-spec>",
    "",
    "<reviewer-feedback>",
    notes === "" ? "(The reviewers gave no text; check the spec against the code and the template.)" : notes,
    "</reviewer-feedback>",
  ].join("\n");
}
