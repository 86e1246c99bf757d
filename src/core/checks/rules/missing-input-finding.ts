import type { FindingDraft } from "../types.js";

/**
 * The one `input` info finding a rule returns when a file it needs is missing (or unusable), so
 * the user sees why the rule produced nothing.
 *
 * @param file the missing file, e.g. `docs/specs/template.md`
 * @param what what the file is, e.g. `spec template`
 * @param rules the rule ids that were skipped
 * @param problem what is wrong with it (default: `is missing`)
 */
export function missingInputFinding(
  file: string,
  what: string,
  rules: readonly string[],
  problem = "is missing",
): FindingDraft {
  const names = rules.map((r) => `\`${r}\``).join(" and ");
  return {
    rule: "input",
    severity: "info",
    file,
    line: undefined,
    message: `The ${what} ${file} ${problem}, so ${names} ${rules.length === 1 ? "was" : "were"} skipped.`,
    subjects: [file, ...rules],
    specs: [],
    fix:
      problem === "is missing"
        ? `Add ${file}, or point the config (.github/specwright.yml, systemSpecs) at the right file.`
        : `Fix ${file} so the ${what} can be read (see the message), then run the check again.`,
  };
}
