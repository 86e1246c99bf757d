import { describe, expect, it } from "vitest";
import { findingId } from "../../../src/core/checks/finding-id.js";
import { ALL_RULES, runChecks } from "../../../src/core/checks/run-checks.js";
import { LLM_RULE_IDS, RULE_IDS, type CheckRule, type FindingDraft } from "../../../src/core/checks/types.js";
import { GOOD_IMPL_SPEC, implContext, variant } from "./impl-fixtures.js";

const draft = (
  file: string,
  line: number | undefined,
  rule: FindingDraft["rule"],
  subject: string,
): FindingDraft => ({
  rule,
  severity: "warning",
  file,
  line,
  message: `${rule} ${subject}`,
  subjects: [subject],
  specs: [file],
  fix: "fix it",
});

const fixedRule = (id: CheckRule["id"], drafts: FindingDraft[]): CheckRule => ({
  id,
  description: id,
  run: () => drafts,
});

describe("runChecks", () => {
  it("registers every rule id except `input` exactly once", () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const llmOnly: readonly string[] = LLM_RULE_IDS;
    expect([...ids].sort()).toEqual(RULE_IDS.filter((r) => r !== "input" && !llmOnly.includes(r)).sort());
  });

  it("adds ids, sorts by file, line and rule, and drops duplicate ids keeping the earliest", () => {
    const ctx = implContext({});
    const ruleSet = [
      fixedRule("length", [draft("b.md", 3, "length", "s1"), draft("a.md", 9, "length", "s2")]),
      fixedRule("citation-missing", [
        draft("a.md", 9, "citation-missing", "p"),
        draft("a.md", 2, "citation-missing", "p"),
      ]),
    ];
    const findings = runChecks(ctx, { ruleSet, inputFindings: [draft("a.md", undefined, "input", "x")] });
    expect(findings.map((f) => [f.file, f.line, f.rule])).toEqual([
      ["a.md", undefined, "input"],
      ["a.md", 2, "citation-missing"],
      ["a.md", 9, "length"],
      ["b.md", 3, "length"],
    ]);
    expect(findings[1]?.id).toBe(findingId(draft("a.md", 2, "citation-missing", "p")));
  });

  it("keeps distinct findings that share an id, giving the later ones a disambiguated id", () => {
    const one = {
      ...draft("a.md", 4, "status-vocabulary", "status:x"),
      message: 'Feature "x" has status "Done".',
    };
    const two = {
      ...draft("a.md", 9, "status-vocabulary", "status:x"),
      message: 'Feature "x" has status "WIP".',
    };
    const findings = runChecks(implContext({}), { ruleSet: [fixedRule("status-vocabulary", [two, one])] });
    expect(findings.map((f) => f.line)).toEqual([4, 9]);
    expect(findings[0]?.id).toBe(findingId(one));
    expect(findings[1]?.id).toMatch(new RegExp(`^${findingId(two)}-[0-9a-f]{4}$`));
    const again = runChecks(implContext({}), { ruleSet: [fixedRule("status-vocabulary", [one, two])] });
    expect(again.map((f) => f.id)).toEqual(findings.map((f) => f.id));
  });

  it("drops a rule's note that an input file is missing when that file was reported unreadable", () => {
    const unreadable = { ...draft("brief.md", undefined, "input", "brief.md"), severity: "error" as const };
    const skipped = { ...draft("brief.md", undefined, "input", "glossary-term"), severity: "info" as const };
    const other = {
      ...draft("registry.md", undefined, "input", "status-mismatch"),
      severity: "info" as const,
    };
    const findings = runChecks(implContext({}), {
      ruleSet: [fixedRule("glossary-term", [skipped, other])],
      inputFindings: [unreadable],
    });
    expect(findings.map((f) => [f.file, f.severity])).toEqual([
      ["brief.md", "error"],
      ["registry.md", "info"],
    ]);
  });

  it("runs only the rules asked for (input findings are always kept)", () => {
    const ruleSet = [
      fixedRule("length", [draft("a.md", 1, "length", "l")]),
      fixedRule("xref-broken", [draft("a.md", 1, "xref-broken", "x")]),
    ];
    const findings = runChecks(implContext({}), {
      ruleSet,
      rules: ["xref-broken"],
      inputFindings: [draft("a.md", 1, "input", "i")],
    });
    expect(findings.map((f) => f.rule)).toEqual(["input", "xref-broken"]);
  });

  it("turns a rule that throws into an input error naming the rule, and keeps the others", () => {
    const broken: CheckRule = {
      id: "glossary-term",
      description: "broken",
      run: () => {
        throw new TypeError("cannot read properties of undefined");
      },
    };
    const findings = runChecks(implContext({}), {
      ruleSet: [broken, fixedRule("length", [draft("a.md", 1, "length", "l")])],
    });
    expect(findings).toEqual([
      expect.objectContaining({ rule: "length" }),
      expect.objectContaining({
        rule: "input",
        severity: "error",
        subjects: ["glossary-term"],
        message:
          "The glossary-term check failed on this input and was skipped: cannot read properties of undefined",
      }),
    ]);
  });

  it("runs the implementation rules on implementation specs", () => {
    const ctx = implContext({ "specs/x.md": variant("| Status | draft |", "| Status | shipped |") });
    const findings = runChecks(ctx, {
      rules: ["impl-section", "impl-meta", "impl-plan", "impl-acceptance", "impl-promise"],
    });
    expect(findings.map((f) => f.rule)).toEqual(["impl-meta"]);
    expect(runChecks(implContext({ "specs/x.md": GOOD_IMPL_SPEC }), { rules: ["impl-meta"] })).toEqual([]);
  });
});
