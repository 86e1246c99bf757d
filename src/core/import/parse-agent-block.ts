import { collectListItems, flattenListItems, type ListItem } from "./collect-list-items.js";
import type { ImportWarning, ParsedAgentBlock, SourceLine } from "./import-types.js";
import { parseKeyFileLine } from "./parse-key-file-line.js";
import { parseOutOfScopeItem } from "./parse-out-of-scope-item.js";
import { splitBlockSegments, type BlockSegment } from "./split-block-segments.js";

const PROJECT_RE =
  /\byou are (?:writing|drafting) (?:a |the )?system spec(?:ification)? for (?:the )?(.+?)\s+(?:codebase|code base|repository|repo|project)\b/i;

const itemTexts = (item: ListItem, inline: string): string[] =>
  [inline, ...flattenListItems(item.children).map((c) => c.text)].filter((t) => t !== "");

/** Reads the `YOUR ASSIGNMENT:` list: spec file, in scope, out of scope. */
function readAssignment(segment: BlockSegment, block: ParsedAgentBlock, warnings: ImportWarning[]): void {
  const { items, warnings: listWarnings } = collectListItems(segment.lines, segment.label);
  warnings.push(...listWarnings);
  for (const item of items) {
    const spec = /^spec\s+file\s*:\s*(.*)$/i.exec(item.text);
    const inScope = /^in[\s-]scope\b\s*:?\s*(.*)$/i.exec(item.text);
    const outOfScope = /^out[\s-]of[\s-]scope\b\s*:?\s*(.*)$/i.exec(item.text);
    if (spec) {
      const parsed = parseKeyFileLine(spec[1] ?? "");
      if (!parsed.ok) warnings.push({ line: item.line, message: `Spec file: ${parsed.reason}; ignored` });
      else if (block.specFile)
        warnings.push({ line: item.line, message: "a second Spec file line was ignored" });
      else block.specFile = { path: parsed.value.path, line: item.line };
    } else if (inScope) {
      block.inScope.push(...itemTexts(item, (inScope[1] ?? "").trim()));
    } else if (outOfScope) {
      block.outOfScope.push(...itemTexts(item, (outOfScope[1] ?? "").trim()).map(parseOutOfScopeItem));
    } else {
      warnings.push({
        line: item.line,
        message: `${segment.label}: "${item.text}" is not Spec file, In scope or Out of scope; ignored`,
      });
    }
  }
}

/** Reads a list of paths (`KEY FILES TO READ:` or `READ THESE FILES FIRST:`). */
function readPaths(segment: BlockSegment, warnings: ImportWarning[]) {
  const { items, warnings: listWarnings } = collectListItems(segment.lines, segment.label);
  warnings.push(...listWarnings);
  const paths: { path: string; note?: string; line: number }[] = [];
  for (const item of flattenListItems(items)) {
    const parsed = parseKeyFileLine(item.text);
    if (parsed.ok) paths.push({ ...parsed.value, line: item.line });
    else
      warnings.push({
        line: item.line,
        message: `${segment.label}: "${item.text}" ${parsed.reason}; ignored`,
      });
  }
  return paths;
}

/** Joins NOTE text into paragraphs (a blank line starts a new one). */
function readNotes(segment: BlockSegment): string[] {
  const paragraphs: string[][] = [[segment.inline]];
  for (const { text } of segment.lines) {
    if (text.trim() === "") paragraphs.push([]);
    else paragraphs[paragraphs.length - 1]?.push(text.trim());
  }
  return paragraphs.map((p) => p.filter(Boolean).join(" ")).filter((p) => p !== "");
}

/**
 * Reads one agent's prompt block (the plain text inside the fence) line by line. Never throws:
 * anything it cannot place is returned as a warning with its line.
 */
export function parseAgentBlock(body: readonly SourceLine[]): {
  block: ParsedAgentBlock;
  warnings: ImportWarning[];
} {
  const block: ParsedAgentBlock = {
    project: undefined,
    specFile: undefined,
    readFirst: [],
    inScope: [],
    outOfScope: [],
    keyFiles: [],
    rules: [],
    notes: [],
  };
  const warnings: ImportWarning[] = [];
  for (const segment of splitBlockSegments(body)) {
    const inlineLines: SourceLine[] = segment.inline
      ? [{ text: `- ${segment.inline}`, line: segment.line }]
      : [];
    const withInline = { ...segment, lines: [...inlineLines, ...segment.lines] };
    switch (segment.kind) {
      case "preamble":
        for (const { text, line } of segment.lines) {
          const project = PROJECT_RE.exec(text)?.[1];
          if (project) block.project ??= project.trim();
          else if (text.trim() !== "")
            warnings.push({ line, message: "text before the first section not understood; ignored" });
        }
        break;
      case "assignment":
        readAssignment(withInline, block, warnings);
        break;
      case "readFirst":
        block.readFirst.push(...readPaths(withInline, warnings));
        break;
      case "keyFiles":
        block.keyFiles.push(
          ...readPaths(withInline, warnings).map(({ path, note }) => (note ? { path, note } : { path })),
        );
        break;
      case "rules": {
        const { items, warnings: listWarnings } = collectListItems(withInline.lines, segment.label);
        warnings.push(...listWarnings);
        block.rules.push(
          ...flattenListItems(items)
            .filter((i) => i.text !== "")
            .map((i) => ({ text: i.text, line: i.line })),
        );
        break;
      }
      case "note":
        block.notes.push(...readNotes(segment));
        break;
      case "unknown":
        warnings.push({ line: segment.line, message: `unknown section "${segment.label}:" ignored` });
        break;
    }
  }
  return { block, warnings };
}
