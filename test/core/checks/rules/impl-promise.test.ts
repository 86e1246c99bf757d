import { describe, expect, it } from "vitest";
import { implPromiseRule } from "../../../../src/core/checks/rules/impl-promise.js";
import { GOOD_IMPL_SPEC, implContext, lineOf, variant } from "../impl-fixtures.js";

const PROMISE = "<promise>INVOICE_CSV_EXPORT_COMPLETE</promise>";

describe("impl-promise", () => {
  it("accepts a unique promise and ignores one quoted in a code span", () => {
    expect(implPromiseRule.run(implContext({ "specs/x.md": GOOD_IMPL_SPEC }))).toEqual([]);
  });

  it.each([
    ["missing", "The completion promise is coming.", "No completion promise"],
    ["in a code block only", "```\n<promise>X_COMPLETE</promise>\n```", "No completion promise"],
    ["empty", "<promise></promise>", "is empty"],
    ["the placeholder", "<promise>[UNIQUE_COMPLETION_STRING]</promise>", "template placeholder"],
  ])("reports a promise that is %s", (_name, replacement, message) => {
    const findings = implPromiseRule.run(implContext({ "specs/x.md": variant(PROMISE, replacement) }));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain(message);
  });

  it("ignores a promise inside an HTML comment", () => {
    const commented = variant(PROMISE, `<!-- was: <promise>OLD_EXPORT_COMPLETE</promise> -->\n\n${PROMISE}`);
    expect(implPromiseRule.run(implContext({ "specs/x.md": commented }))).toEqual([]);
    const only = variant(PROMISE, "<!-- <promise>INVOICE_CSV_EXPORT_COMPLETE</promise> -->");
    expect(implPromiseRule.run(implContext({ "specs/x.md": only })).map((f) => f.subjects[1])).toEqual([
      "promise:missing",
    ]);
  });

  it("accepts a promise written as an HTML block", () => {
    const text = variant(PROMISE, "<promise>\nINVOICE_CSV_EXPORT_COMPLETE\n</promise>");
    expect(implPromiseRule.run(implContext({ "specs/x.md": text }))).toEqual([]);
  });

  it("warns about two different promises in one spec", () => {
    const text = variant(PROMISE, `${PROMISE}\n\n<promise>OTHER_COMPLETE</promise>`);
    const findings = implPromiseRule.run(implContext({ "specs/x.md": text }));
    expect(findings).toEqual([
      expect.objectContaining({ severity: "warning", line: lineOf(text, "OTHER_COMPLETE") }),
    ]);
  });

  it("reports a promise shared by two specs once, naming both", () => {
    const ctx = implContext({
      "specs/b.md": GOOD_IMPL_SPEC,
      "specs/a.md": GOOD_IMPL_SPEC,
      "specs/c.md": variant(PROMISE, "<promise>C_COMPLETE</promise>"),
    });
    const findings = implPromiseRule.run(ctx);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      file: "specs/a.md",
      line: lineOf(GOOD_IMPL_SPEC, PROMISE),
      specs: ["specs/a.md", "specs/b.md"],
      message: 'Completion promise "INVOICE_CSV_EXPORT_COMPLETE" is also used by specs/b.md.',
    });
  });

  it("checks uniqueness against specs that are not being checked", () => {
    const ctx = implContext({ "specs/a.md": GOOD_IMPL_SPEC, "specs/b.md": GOOD_IMPL_SPEC }, ["specs/b.md"]);
    expect(implPromiseRule.run(ctx)).toEqual([
      expect.objectContaining({ file: "specs/b.md", specs: ["specs/a.md", "specs/b.md"] }),
    ]);
  });
});
