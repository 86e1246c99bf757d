import type { CheckContext, CheckRule, FindingDraft, SpecDocument } from "../types.js";
import { findImplSection, sectionsOf } from "./impl-find-section.js";

/** Headings that hold the questions (the same ones the PR body reads, see `extractOpenQuestions`). */
const QUESTIONS_HEADING = /^(?:open )?questions(?: for (?:the )?reviewers?)?$/;

const key = (title: string): string =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();

const FIX =
  "End `## Notes` with `### Questions for reviewers` and a list of what the reviewers must decide (`- None.` when there is nothing to ask).";

function checkSpec(doc: SpecDocument): FindingDraft[] {
  const notes = findImplSection(doc, "Notes");
  if (!notes) return []; // impl-section reports the missing section
  const base = {
    rule: "impl-questions" as const,
    severity: "warning" as const,
    file: doc.path,
    specs: [doc.path],
  };
  const heading = sectionsOf(doc).find(
    (s) =>
      s.depth > notes.depth &&
      s.line > notes.line &&
      s.line <= notes.endLine &&
      QUESTIONS_HEADING.test(key(s.name)),
  );
  if (!heading) {
    return [
      {
        ...base,
        line: notes.line,
        message: 'The Notes section has no "Questions for reviewers" list.',
        subjects: [doc.path, "questions:missing"],
        fix: FIX,
      },
    ];
  }
  if (heading.children.some((n) => n.type === "list")) return [];
  return [
    {
      ...base,
      line: heading.line,
      message: `"${heading.title}" has no list of questions.`,
      subjects: [doc.path, "questions:empty"],
      fix: FIX,
    },
  ];
}

/**
 * `impl-questions`: the Notes section of an implementation spec ends with a "Questions for reviewers"
 * list, as the implementation prompts ask (the PR body shows it); `- None.` is a fine list.
 */
export const implQuestionsRule: CheckRule = {
  id: "impl-questions",
  description: 'Implementation-spec Notes end with a "Questions for reviewers" list (`- None.` if none).',
  run: (ctx: CheckContext) => ctx.implSpecs.flatMap(checkSpec),
};
