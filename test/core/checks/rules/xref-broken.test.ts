import { describe, expect, it } from "vitest";
import { xrefBrokenRule } from "../../../../src/core/checks/rules/xref-broken.js";
import { buildCheckContext } from "../../../helpers/check-context.js";
import { BRIEF_PATH, systemSpec } from "./system-fixtures.js";

const GATEWAY = systemSpec("Sessions & Gateway", {
  6: "### 6.1 Hub Manager\n\nText.\n\n### 6.2 Event Processor\n\nText.",
});
const BRIEF = "# Boundary Brief\n\n## 1. Scope\n\n## 2. Rules\n\n## 3. Glossary\n\n## 4. Cross-references\n";

const run = (spec: string, more: Record<string, string> = {}) =>
  xrefBrokenRule.run(
    buildCheckContext({
      files: {
        "docs/specs/runs.md": spec,
        "docs/specs/sessions-gateway.md": GATEWAY,
        [BRIEF_PATH]: BRIEF,
        ...more,
      },
      paths: ["README.md", "docs/guides/setup.md"],
    }),
  );
const runsSpec = (text: string) => systemSpec("Runs", { 6: text });

describe("xref-broken", () => {
  it("accepts references that resolve", () => {
    const text = [
      "See sessions-gateway.md §6.2 and `sessions-gateway.md` §6, section 3 of sessions-gateway.md,",
      "[the hub](sessions-gateway.md#61-hub-manager), [gateway](./sessions-gateway.md), sessions-gateway §6.1,",
      "boundary-brief §4, the boundary brief §9 (not ours to judge), this spec's §8 and [limits](#8-known-limitations).",
      "Also README.md, docs/guides/setup.md and [setup](../guides/setup.md).",
    ].join("\n");
    expect(run(runsSpec(text))).toEqual([]);
  });

  it("flags a missing spec file and suggests the closest name", () => {
    expect(run(runsSpec("See sesions-gateway.md §6.2 for details."))).toEqual([
      {
        rule: "xref-broken",
        severity: "error",
        file: "docs/specs/runs.md",
        line: 25,
        message: "`sesions-gateway.md §6.2` refers to `docs/specs/sesions-gateway.md`, which does not exist.",
        subjects: ["docs/specs/sesions-gateway.md"],
        specs: ["docs/specs/runs.md"],
        fix: "Did you mean `sessions-gateway.md`? Correct the reference.",
      },
    ]);
  });

  it.each([
    [
      "a missing section of another spec",
      "See sessions-gateway.md §6.3.",
      "docs/specs/sessions-gateway.md§6.3",
      /has no section 6\.3 \(its numbered sections: 1, 2, 3, 4, 5, 6, 6\.1, 6\.2, 7, 8\)/,
    ],
    [
      "a missing section by name",
      "Owned by sessions-gateway §9.",
      "docs/specs/sessions-gateway.md§9",
      /no section 9/,
    ],
    [
      "section N of",
      "As section 12 of sessions-gateway.md says.",
      "docs/specs/sessions-gateway.md§12",
      /no section 12/,
    ],
    [
      "a missing section of this spec",
      "See §11 below.",
      "docs/specs/runs.md§11",
      /This spec has no section 11/,
    ],
    ["a missing brief section", "Per boundary-brief §7.", "docs/specs/boundary-brief.md§7", /no section 7/],
  ])("flags %s", (_name, text, subject, message) => {
    const findings = run(runsSpec(text));
    expect(findings).toEqual([
      expect.objectContaining({
        severity: "error",
        line: 25,
        subjects: [subject],
        message: expect.stringMatching(message),
      }),
    ]);
  });

  it("flags a link to a heading anchor that does not exist, as a warning", () => {
    const findings = run(runsSpec("See [hubs](sessions-gateway.md#hub-manager) and [x](#nowhere)."));
    expect(findings.map((f) => [f.severity, f.subjects[0]])).toEqual([
      ["warning", "docs/specs/sessions-gateway.md#hub-manager"],
      ["warning", "docs/specs/runs.md#nowhere"],
    ]);
    expect(findings[0]?.specs).toEqual(["docs/specs/runs.md", "docs/specs/sessions-gateway.md"]);
  });

  it("reports the same broken reference once per spec", () => {
    expect(run(runsSpec("billing.md §2, billing.md §3 and [billing](billing.md)."))).toHaveLength(1);
  });

  it.each([
    [
      "bare names of files that are not specs",
      "AGENTS.md, CLAUDE.md and CHANGELOG.md are kept up to date by hand.",
    ],
    [
      "a file the spec says is not in git",
      "CLAUDE.md (generated at runtime, not in git) §2 is read by the agent.",
    ],
    ["a bare unknown name", "Old notes were in design-notes.md."],
  ])("does not report %s", (_name, text) => {
    expect(run(runsSpec(text))).toEqual([]);
  });

  it.each([
    ["a link", "See [agents](AGENTS.md).", "docs/specs/AGENTS.md"],
    ["a name followed by a section", "See AGENTS.md §2.", "docs/specs/AGENTS.md"],
    ["a relative path into the specs folder", "See ../specs/gone-spec.md.", "docs/specs/gone-spec.md"],
    ["the spec file of a configured agent", "Billing lives in billing.md.", "docs/specs/billing.md"],
  ])("reports %s to a missing file", (_name, text, subject) => {
    const findings = xrefBrokenRule.run(
      buildCheckContext({
        files: { "docs/specs/runs.md": runsSpec(text), "docs/specs/sessions-gateway.md": GATEWAY },
        config: { systemSpecs: { agents: [{ name: "runs" }, { name: "billing" }] } },
      }),
    );
    expect(findings).toEqual([expect.objectContaining({ severity: "error", subjects: [subject] })]);
  });

  it.each([
    ["x.md's §N", "See sessions-gateway.md's §18.", "docs/specs/sessions-gateway.md§18"],
    ["a same-document section N", "See section 11 below.", "docs/specs/runs.md§11"],
  ])("checks the section of %s", (_name, text, subject) => {
    expect(run(runsSpec(text))).toEqual([expect.objectContaining({ subjects: [subject] })]);
  });

  it("ignores references in code blocks", () => {
    expect(run(runsSpec("```\nsee nowhere.md §2\n```"))).toEqual([]);
  });
});
