import { describe, expect, it } from "vitest";
import { lengthRule } from "../../../../src/core/checks/rules/length.js";
import { buildCheckContext } from "../../../helpers/check-context.js";

const lines = (n: number) =>
  Array.from({ length: n }, (_, i) => (i === 0 ? "# Spec" : `Line ${i + 1}.`)).join("\n") + "\n";
const run = (n: number) =>
  lengthRule.run(
    buildCheckContext({
      files: { "docs/specs/a.md": lines(n) },
      config: { systemSpecs: { lines: { min: 10, max: 20 } } },
    }),
  );

describe("length", () => {
  it.each([10, 15, 20])("accepts %i lines", (n) => {
    expect(run(n)).toEqual([]);
  });

  it.each([
    [9, "too-short", 1, /9 lines; the target is 10–20/],
    [21, "too-long", 21, /21 lines; the target is 10–20/],
  ])("flags %i lines", (n, subject, line, message) => {
    expect(run(n)).toEqual([
      expect.objectContaining({
        rule: "length",
        severity: "warning",
        file: "docs/specs/a.md",
        line,
        subjects: [subject],
        message: expect.stringMatching(message),
      }),
    ]);
  });

  it("uses the default 300–600 target", () => {
    const findings = lengthRule.run(buildCheckContext({ files: { "docs/specs/a.md": lines(299) } }));
    expect(findings[0]?.message).toMatch(/300–600/);
  });

  it("uses the owning agent's own target when it has one", () => {
    const ctx = buildCheckContext({
      files: { "docs/specs/a.md": lines(25), "docs/specs/b.md": lines(25) },
      config: {
        systemSpecs: {
          lines: { min: 10, max: 20 },
          agents: [{ name: "a", lines: { min: 20, max: 30 } }, { name: "b" }],
        },
      },
    });
    expect(lengthRule.run(ctx).map((f) => f.file)).toEqual(["docs/specs/b.md"]);
  });
});
