import type { Code, Heading, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { splitHeadingNumber } from "../markdown/extract-sections.js";
import { parseMarkdown } from "../markdown/parse-markdown.js";
import { closeUnterminatedFences } from "./close-unterminated-fences.js";
import type { ImportWarning, PromptSection, SourceLine } from "./import-types.js";

const PHASE_RE = /^phase\s+(\d+)\b/i;
const CONSISTENCY_RE = /\bconsistency\b/i;
const FENCE_LINE_RE = /^\s*(`{3,}|~{3,})/;
const PROMPT_MARKER_RE =
  /^\s*(?:[-*]\s+)?(?:spec file\s*:|your assignment\b|key files\b[^:]*:|read these files first\b|write the results to\b)/i;
const THEMATIC_BREAK_RE = /^\s*([-*_])(\s*\1){2,}\s*$/;

interface Chunk {
  heading: Heading | undefined;
  title: string;
  line: number;
  /** Last line of the chunk (inclusive). */
  endLine: number;
  nodes: RootContent[];
}

function chunkByHeadings(nodes: readonly RootContent[], lastLine: number): Chunk[] {
  const chunks: Chunk[] = [{ heading: undefined, title: "", line: 1, endLine: lastLine, nodes: [] }];
  for (const node of nodes) {
    if (node.type === "heading") {
      const line = node.position?.start.line ?? 1;
      const previous = chunks[chunks.length - 1];
      if (previous) previous.endLine = line - 1;
      chunks.push({ heading: node, title: toString(node).trim(), line, endLine: lastLine, nodes: [] });
    } else {
      chunks[chunks.length - 1]?.nodes.push(node);
    }
  }
  return chunks;
}

/**
 * Finds the agent sections (`### N. Title` + fenced block, phase from the enclosing `## Phase N`
 * heading) and the consistency-check section of an agent-prompts file. `text` must use `\n` line ends.
 */
export function splitPromptSections(text: string): { sections: PromptSection[]; warnings: ImportWarning[] } {
  const closed = closeUnterminatedFences(text);
  const warnings: ImportWarning[] = [...closed.warnings];
  const lines = closed.text.split("\n");
  const at = (line: number) => closed.toSourceLine(line);
  const tree = parseMarkdown(closed.text);

  const codeBody = (code: Code): SourceLine[] => {
    const start = code.position?.start.line ?? 1;
    const first = FENCE_LINE_RE.test(lines[start - 1] ?? "") ? start + 1 : start;
    return code.value.split("\n").map((t, i) => ({ text: t, line: at(first + i) }));
  };
  const rawBody = (chunk: Chunk): SourceLine[] =>
    lines
      .slice(chunk.line, chunk.endLine)
      .map((t, i) => ({ text: t, line: at(chunk.line + 1 + i) }))
      .filter((l) => !THEMATIC_BREAK_RE.test(l.text));

  const sections: PromptSection[] = [];
  let phase: number | undefined;
  let inReview = false;
  let reviewSeen = false;
  const addReview = (headingLine: number, body: SourceLine[]) => {
    if (reviewSeen) {
      warnings.push({ line: at(headingLine), message: "a second consistency-check section was ignored" });
      return;
    }
    reviewSeen = true;
    sections.push({ kind: "review", headingLine: at(headingLine), body });
  };

  for (const chunk of chunkByHeadings(tree.children, lines.length)) {
    const codes = chunk.nodes.filter((n): n is Code => n.type === "code");
    const depth = chunk.heading?.depth ?? 0;
    const phaseMatch = PHASE_RE.exec(chunk.title);
    const { number, name } = splitHeadingNumber(chunk.title);
    let kind: "agent" | "review" | "other";
    if (phaseMatch) {
      inReview = CONSISTENCY_RE.test(chunk.title);
      const n = Number(phaseMatch[1]);
      if (!inReview && n < 1) {
        warnings.push({
          line: at(chunk.line),
          message: "phase numbers start at 1; agents under this heading get no phase",
        });
      }
      phase = inReview ? phase : n >= 1 ? n : undefined;
      kind = inReview ? "review" : "other";
    } else if (depth > 0 && (inReview || CONSISTENCY_RE.test(chunk.title))) {
      inReview = inReview || depth <= 2;
      kind = "review";
    } else if (depth >= 3 || (depth === 2 && number !== undefined)) {
      kind = "agent";
    } else {
      if (depth > 0) {
        phase = undefined;
        inReview = false;
      }
      kind = "other";
    }

    if (kind === "other" || (kind === "review" && codes.length === 0 && phaseMatch)) {
      for (const code of codes) {
        warnings.push({
          line: at(code.position?.start.line ?? chunk.line),
          message: "fenced block is not under an agent heading (### N. Title); ignored",
        });
      }
      continue;
    }
    const [firstCode, ...extraCodes] = codes;
    for (const extra of extraCodes) {
      warnings.push({
        line: at(extra.position?.start.line ?? chunk.line),
        message: `only the first fenced block under "${chunk.title}" is read; this one was ignored`,
      });
    }
    let body: SourceLine[];
    if (firstCode) {
      body = codeBody(firstCode);
    } else {
      body = rawBody(chunk);
      // Without a fence, only text that reads like a prompt counts (other sections are prose).
      if (!body.some((l) => PROMPT_MARKER_RE.test(l.text))) {
        if (kind === "agent" && codes.length === 0 && depth >= 3 && body.every((l) => l.text.trim() === "")) {
          warnings.push({ line: at(chunk.line), message: `no prompt under "${chunk.title}"; skipped` });
        }
        continue;
      }
      warnings.push({
        line: at(chunk.line),
        message: `no fenced block under "${chunk.title}"; read the section's text as the prompt`,
      });
    }
    const looksLikeReview = body.some((l) => CONSISTENCY_RE.test(l.text) && /\breview\b/i.test(l.text));
    const hasSpecFile = body.some((l) => /spec file\s*:/i.test(l.text));
    if (kind === "review" || (looksLikeReview && !hasSpecFile)) {
      addReview(chunk.line, body);
    } else {
      sections.push({ kind: "agent", title: name || chunk.title, phase, headingLine: at(chunk.line), body });
    }
  }
  return { sections, warnings };
}
