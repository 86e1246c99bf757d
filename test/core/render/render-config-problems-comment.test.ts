import { describe, expect, it } from "vitest";
import type { ConfigProblem } from "../../../src/core/errors.js";
import { renderConfigProblemsComment } from "../../../src/core/render/render-config-problems-comment.js";

const problems: ConfigProblem[] = [
  {
    file: ".github/specwright.yml",
    line: 14,
    column: 12,
    key: "systemSpecs.agents[2].phase",
    message: 'Expected a whole number of at least 1, got "two".',
  },
  {
    file: ".github/specwright.yml",
    line: undefined,
    column: undefined,
    key: "",
    message: "Unknown key | weird",
  },
];

describe("renderConfigProblemsComment", () => {
  const rendered = renderConfigProblemsComment(problems, { branch: "main" });

  it("lists every problem with file, line, column and key, says what to do and that no job ran", () => {
    expect(rendered.comment).toMatchInlineSnapshot(`
      "<!-- specwright:config-problems -->
      ### ⚠️ Specwright could not use its configuration

      \`.github/specwright.yml\` on \`main\` has 2 problems, so **no job ran**: Specwright does not run on a config it cannot read.

      | # | Where | Key | Problem |
      |---:|---|---|---|
      | 1 | \`.github/specwright.yml:14:12\` | \`systemSpecs.agents[2].phase\` | Expected a whole number of at least 1, got "two". |
      | 2 | \`.github/specwright.yml\` | — | Unknown key \\| weird |

      **What to do:** Fix each problem listed (file:line:column, key) and run again. Specwright's JSON Schema (schema/specwright.schema.json in the Specwright repository) lets editors complete and check keys. Specwright reads the config from the default branch, so push the fix there;
      then label the issue again or repeat your \`/spec\` command."
    `);
  });

  it("makes a failing check run with an annotation per problem that has a line", () => {
    expect(rendered.checkRun.conclusion).toBe("failure");
    expect(rendered.checkRun.name).toBe("Specwright configuration");
    expect(rendered.checkRun.title).toBe("2 problems in .github/specwright.yml: no job ran");
    expect(rendered.checkRun.summary).toContain("**no job ran**");
    expect(rendered.checkRun.summary).not.toContain("<!-- specwright:config-problems -->");
    expect(rendered.checkRun.annotations).toEqual([
      {
        path: ".github/specwright.yml",
        start_line: 14,
        end_line: 14,
        annotation_level: "failure",
        title: "Invalid config: systemSpecs.agents[2].phase",
        message: 'Expected a whole number of at least 1, got "two".',
      },
    ]);
  });

  it("stays under the limits with thousands of problems", () => {
    const first = problems[0] as ConfigProblem;
    const many = Array.from({ length: 5_000 }, (_, i) => ({ ...first, line: i + 1 }));
    const { comment, checkRun } = renderConfigProblemsComment(many);
    expect(comment.length).toBeLessThanOrEqual(65_536);
    expect(checkRun.summary.length).toBeLessThanOrEqual(65_535);
    expect(comment).toMatch(/\| \| \| \| … and \d+ more problems \|/);
    expect(comment).toContain("**What to do:**");
  });
});
