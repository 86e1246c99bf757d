/** A document to place in a prompt. */
export interface PromptDocument {
  path: string;
  /** What the document is, e.g. `boundary brief`; shown as the `role` attribute. */
  role: string;
  /** The text, or `undefined` when the file does not exist at the commit. */
  text: string | undefined;
  /** Prefix every line with its 1-based number (for findings that cite lines). */
  lineNumbers?: boolean;
}

const escapeAttribute = (value: string): string =>
  value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/**
 * Wraps a document in a `<document path="…" role="…">` tag, the form the prompts describe.
 * A missing document becomes a short note (the tag with `missing="true"`), so the model knows
 * it does not exist instead of guessing. With `lineNumbers`, a `lines` attribute gives the
 * line count and each line starts with `N| `. Deterministic: same input, same bytes.
 */
export function renderDocument(doc: PromptDocument): string {
  const attrs = `path="${escapeAttribute(doc.path)}" role="${escapeAttribute(doc.role)}"`;
  if (doc.text === undefined) {
    return `<document ${attrs} missing="true">\nThis file does not exist at this commit.\n</document>`;
  }
  const text = doc.text.replace(/\r\n?/g, "\n").replace(/\n+$/, "");
  if (!doc.lineNumbers) return `<document ${attrs}>\n${text}\n</document>`;
  const lines = text === "" ? [] : text.split("\n");
  const width = String(lines.length).length;
  const numbered = lines.map(
    (line, i) => `${String(i + 1).padStart(width)}|${line === "" ? "" : ` ${line}`}`,
  );
  return `<document ${attrs} lines="${lines.length}">\n${numbered.join("\n")}\n</document>`;
}
