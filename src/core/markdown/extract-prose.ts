import type { Nodes, Root } from "mdast";

/** A run of prose text and the line it starts on. */
export interface ProseSegment {
  text: string;
  /** 1-based line where `text` starts; count `\n` in `text` for later lines. */
  line: number;
}

const NOT_PROSE = new Set([
  "code",
  "inlineCode",
  "blockquote",
  "html",
  "yaml",
  "definition",
  "footnoteDefinition",
]);

function collect(node: Nodes, out: ProseSegment[]): void {
  if (NOT_PROSE.has(node.type)) return;
  if (node.type === "text") {
    out.push({ text: node.value, line: node.position?.start.line ?? 1 });
    return;
  }
  if ("children" in node) for (const child of node.children) collect(child as Nodes, out);
}

/**
 * The prose of a document: text nodes outside code spans, code blocks, block quotations and raw HTML.
 * Link texts are included; link targets are not (they are not text nodes).
 */
export function extractProse(tree: Root): ProseSegment[] {
  const out: ProseSegment[] = [];
  collect(tree, out);
  return out;
}
