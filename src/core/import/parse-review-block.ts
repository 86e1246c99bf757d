import type { ImportWarning, SourceLine } from "./import-types.js";
import { parseKeyFileLine } from "./parse-key-file-line.js";

const OUTPUT_RE = /\bwrite\b[^`\n]*?\b(?:to|into)\s+`?([A-Za-z0-9_./-]+?)`?(?=[.,;:)]?(?:\s|$))/i;
const PROJECT_RE =
  /\bconsistency review\b.*?\bfor (?:the )?(.+?)\s+(?:codebase|code base|repository|repo|project)\b/i;

/**
 * Reads the consistency-check prompt: the file named in "Write the results to <file>"
 * (becomes `systemSpecs.review.output`) and the project name.
 */
export function parseReviewBlock(
  body: readonly SourceLine[],
  headingLine: number,
): { output: string | undefined; project: string | undefined; warnings: ImportWarning[] } {
  const warnings: ImportWarning[] = [];
  let output: string | undefined;
  let project: string | undefined;
  for (const { text, line } of body) {
    project ??= PROJECT_RE.exec(text)?.[1]?.trim();
    const target = OUTPUT_RE.exec(text)?.[1];
    if (target === undefined || output !== undefined) continue;
    const parsed = parseKeyFileLine(target.replace(/\.$/, ""));
    if (parsed.ok) output = parsed.value.path;
    else
      warnings.push({
        line,
        message: `consistency check: output file ${parsed.reason}; the default is used`,
      });
  }
  if (output === undefined && warnings.length === 0) {
    warnings.push({
      line: headingLine,
      message:
        'the consistency check names no output file ("Write the results to <file>"); the default is used',
    });
  }
  return { output, project, warnings };
}
