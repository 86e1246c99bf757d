import type { InlineCode, List, ListItem, Text } from "mdast";
import { visit } from "unist-util-visit";
import type { CheckContext, CheckRule, FindingDraft, SpecDocument } from "../types.js";
import { findImplSection } from "./impl-find-section.js";

const TEST_WORD = /\b(?:tests?|specs?)\b/i;
const TEST_TOOL =
  /\b(?:test|tests|pytest|vitest|jest|mocha|ava|rspec|phpunit|ctest|tox|nox|spec|playwright|cypress)\b/i;
/** Build-tool commands that run the test suite without the word "test": `make check`, `mvn verify`, … */
const CHECK_COMMAND =
  /\b(?:make|just|task)\s+(?:check|verify|ci)\b|\bmvnw?\b[^`]{0,60}?\bverify\b|\bgradlew?\s+(?:check|build)\b|\bcargo\s+nextest\b|\b(?:npm|pnpm|yarn|bun)\s+(?:run\s+)?(?:check|verify|ci)\b|\btox\b|\bnox\b/i;

/** True when the criterion contains a code span that runs tests (`npm test`, `pytest tests/`, `make check`, …). */
function hasTestCommand(item: ListItem): boolean {
  const codes: string[] = [];
  const prose: string[] = [];
  visit(item, (node) => {
    if (node.type === "inlineCode") codes.push((node as InlineCode).value);
    else if (node.type === "text") prose.push((node as Text).value);
  });
  if (codes.length === 0) return false;
  return (
    codes.some((code) => TEST_TOOL.test(code) || CHECK_COMMAND.test(code)) || TEST_WORD.test(prose.join(" "))
  );
}

function checkSpec(doc: SpecDocument): FindingDraft[] {
  const section = findImplSection(doc, "Acceptance Criteria");
  if (!section) return [];
  const base = { rule: "impl-acceptance" as const, file: doc.path, specs: [doc.path] };
  const items = section.children.filter((n): n is List => n.type === "list").flatMap((l) => l.children);
  if (items.length === 0) {
    return [
      {
        ...base,
        severity: "error",
        line: section.line,
        message: "Acceptance Criteria has no criteria (expected a `- [ ] …` checklist).",
        subjects: [doc.path, "acceptance:empty"],
        fix: "List verifiable criteria as `- [ ] …` checkboxes, including one with the test command.",
      },
    ];
  }
  const findings: FindingDraft[] = [];
  const plain = items.filter((item) => item.checked === null || item.checked === undefined);
  if (plain.length > 0) {
    const lines = plain.map((i) => i.position?.start.line ?? section.line);
    findings.push({
      ...base,
      severity: "error",
      line: lines[0],
      message: `${plain.length} acceptance criteri${plain.length === 1 ? "on is" : "a are"} not a checkbox (line${lines.length === 1 ? "" : "s"} ${lines.join(", ")}).`,
      subjects: [doc.path, "acceptance:checkbox"],
      fix: "Write every criterion as `- [ ] …` so the executing agent can tick it off.",
    });
  }
  if (!items.some(hasTestCommand)) {
    findings.push({
      ...base,
      severity: "error",
      line: section.line,
      message: "Acceptance Criteria has no test command.",
      subjects: [doc.path, "acceptance:test-command"],
      fix: 'Add a criterion naming the command that runs the tests in a code span, e.g. "All tests pass: `npm test`".',
    });
  }
  return findings;
}

/** `impl-acceptance`: acceptance criteria are checkboxes and one of them gives the test command. */
export const implAcceptanceRule: CheckRule = {
  id: "impl-acceptance",
  description: "Implementation-spec acceptance criteria are `- [ ]` checkboxes and include a test command.",
  run: (ctx: CheckContext) => ctx.implSpecs.flatMap(checkSpec),
};
