import { describe, expect, it } from "vitest";
import { extractOpenQuestions } from "../../../src/core/markdown/extract-open-questions.js";

const spec = (notes: string, extra = "") =>
  [
    "# Order export",
    "",
    "## Requirements",
    "",
    "- Export orders as CSV.",
    extra,
    "## Completion Promise",
    "",
    "<promise>ORDER_EXPORT_COMPLETE</promise>",
    "",
    "## Notes",
    "",
    notes,
  ].join("\n");

describe("extractOpenQuestions", () => {
  it.each([
    [
      "the bullets under ### Questions for reviewers",
      spec(
        "- Assumed UTC timestamps.\n\n### Questions for reviewers\n\n- Should refunds be exported as negative rows?\n- Is `npm run lint` the lint command? The repo has none.\n",
      ),
      [
        "Should refunds be exported as negative rows?",
        "Is `npm run lint` the lint command? The repo has none.",
      ],
    ],
    ["None. means no questions", spec("### Questions for reviewers\n\n- None.\n"), []],
    ["N/A means no questions", spec("### Questions for reviewers\n\n- N/A\n"), []],
    ["no questions section", spec("- Decided on streaming.\n"), []],
    [
      "multi-line bullets become one line",
      spec("### Questions for reviewers\n\n- Which carrier\n  API version do we target?\n"),
      ["Which carrier API version do we target?"],
    ],
    [
      "nested bullets follow their parent",
      spec("### Questions for reviewers\n\n- Which format:\n  - CSV\n  - JSON\n"),
      ["Which format: CSV; JSON"],
    ],
    [
      "task-list bullets lose their checkbox",
      spec("### Questions for reviewers\n\n- [ ] Who owns the export job?\n"),
      ["Who owns the export job?"],
    ],
    [
      "a later section ends the list",
      spec("### Questions for reviewers\n\n- Q1?\n\n### Decisions\n\n- Not a question.\n"),
      ["Q1?"],
    ],
    ["duplicates are listed once", spec("### Questions for reviewers\n\n- Q1?\n- Q1?\n"), ["Q1?"]],
    [
      "an Open questions heading is accepted",
      spec("### Open Questions\n\n1. Batch size?\n2. Retention?\n"),
      ["Batch size?", "Retention?"],
    ],
    [
      "the section inside Notes wins over one elsewhere",
      spec("### Questions for reviewers\n\n- From notes?\n", "\n### Questions\n\n- From requirements?\n"),
      ["From notes?"],
    ],
    ["CRLF line endings", spec("### Questions for reviewers\r\n\r\n- Windows?\r\n"), ["Windows?"]],
  ])("%s", (_name, markdown, questions) => {
    expect(extractOpenQuestions(markdown)).toEqual(questions);
  });

  it("returns [] for empty input", () => {
    expect(extractOpenQuestions("")).toEqual([]);
  });
});
