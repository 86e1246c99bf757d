import { estimateLineNesting } from "../markdown/estimate-line-nesting.js";
import { measureTreeDepth } from "../markdown/measure-tree-depth.js";
import { parseMarkdown } from "../markdown/parse-markdown.js";
import type { DocumentKind, SpecDocument } from "./types.js";

/**
 * The deepest markdown nesting the checker accepts (tree levels; a nested list adds two per level).
 * Real specs stay under 20; anything deeper is generated or hostile, and the rules walk trees
 * recursively.
 */
export const MAX_NESTING_DEPTH = 200;

/** Why a document could not be built. */
export interface SpecDocumentProblem {
  /** The cause in a few words (kept for callers that only show this). */
  error: string;
  /** Completes "`path` …; it was not checked.", e.g. `is too deeply nested to check (…)`. */
  message: string;
  /** What the author should do. */
  fix: string;
}

function tooDeep(found: string): SpecDocumentProblem {
  const error = `nesting deeper than ${MAX_NESTING_DEPTH} levels (${found})`;
  return {
    error,
    message: `is too deeply nested to check (${error})`,
    fix: "Flatten the nested block quotes or lists; a spec never needs more than a few levels.",
  };
}

/**
 * Parses a document's text once for every rule. Strips a UTF-8 byte-order mark.
 * Returns the problem instead when the markdown cannot be parsed or is nested deeper than
 * `MAX_NESTING_DEPTH` (checked before parsing for lines that open many containers, and on the
 * tree without recursion), so no rule ever walks a pathological tree.
 */
export function buildSpecDocument(
  path: string,
  kind: DocumentKind,
  raw: string,
): SpecDocument | SpecDocumentProblem {
  const text = raw.startsWith("\uFEFF") ? raw.slice(1) : raw;
  const markers = estimateLineNesting(text);
  if (markers > MAX_NESTING_DEPTH) return tooDeep(`a line opens ${markers} block quotes or lists`);
  try {
    const tree = parseMarkdown(text);
    const depth = measureTreeDepth(tree, MAX_NESTING_DEPTH);
    if (depth > MAX_NESTING_DEPTH) return tooDeep("nested lists or quotes");
    return { path, kind, text, lines: text.split(/\r?\n/), tree };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      error: reason,
      message: `could not be parsed as markdown (${reason})`,
      fix: "Fix the markdown syntax.",
    };
  }
}
