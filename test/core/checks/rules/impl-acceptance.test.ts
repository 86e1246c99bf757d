import { describe, expect, it } from "vitest";
import { implAcceptanceRule } from "../../../../src/core/checks/rules/impl-acceptance.js";
import { GOOD_IMPL_SPEC, implContext, lineOf, variant } from "../impl-fixtures.js";

const run = (text: string) => implAcceptanceRule.run(implContext({ "specs/x.md": text }));
const CRITERIA = `- [ ] Exporting February returns every February invoice
- [ ] All tests pass: \`npm test -- invoices\`
- [ ] Linting clean: \`npm run lint\`
`;

describe("impl-acceptance", () => {
  it("accepts checkbox criteria with a test command", () => {
    expect(run(GOOD_IMPL_SPEC)).toEqual([]);
  });

  it.each([
    "- [x] Suite green: `pytest tests/invoices/`\n",
    "- [ ] Unit tests pass: `make verify`\n",
    "- [ ] `go test ./...` passes\n",
    "- [ ] Build is green: `make check`\n",
    "- [ ] Build is green: `mvn -q verify`\n",
    "- [ ] Build is green: `./gradlew check`\n",
    "- [ ] Build is green: `cargo test --workspace`\n",
    "- [ ] Build is green: `npm run check`\n",
    "- [ ] Build is green: `dotnet test`\n",
  ])("recognises the test command in %s", (criterion) => {
    expect(run(variant(CRITERIA, `- [ ] Works\n${criterion}`))).toEqual([]);
  });

  it("reports criteria that are not checkboxes, once, listing the lines", () => {
    const text = variant(
      CRITERIA,
      "- Exporting February works\n- [ ] All tests pass: `npm test`\n- Fast enough\n",
    );
    const findings = run(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toBe(
      `2 acceptance criteria are not a checkbox (lines ${lineOf(text, "- Exporting")}, ${lineOf(text, "- Fast")}).`,
    );
    expect(findings[0]?.line).toBe(lineOf(text, "- Exporting"));
  });

  it.each([
    ["no code span", "- [ ] All tests pass\n"],
    ["only a lint command", "- [ ] Linting clean: `ruff check src/`\n"],
  ])("reports a missing test command (%s)", (_name, criteria) => {
    const text = variant(CRITERIA, criteria);
    expect(run(text)).toEqual([
      expect.objectContaining({
        message: "Acceptance Criteria has no test command.",
        line: lineOf(text, "## Acceptance Criteria"),
      }),
    ]);
  });

  it("reports an empty section", () => {
    const text = variant(CRITERIA, "To be decided.\n");
    expect(run(text).map((f) => f.subjects[1])).toEqual(["acceptance:empty"]);
  });
});
