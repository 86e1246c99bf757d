import { describe, expect, it } from "vitest";
import { glossaryTermRule } from "../../../../src/core/checks/rules/glossary-term.js";
import { buildCheckContext } from "../../../helpers/check-context.js";
import { BRIEF_PATH } from "./system-fixtures.js";

const BRIEF = [
  "# Boundary Brief",
  "",
  "## 3. Glossary",
  "",
  "| Term | Definition | Do NOT call it |",
  "|------|------------|----------------|",
  '| sandbox | The isolated machine a session runs in | "environment", "container", "VM" |',
  '| automation run | One execution of an automation | "job", "background task" |',
  "| session | A user's working period with an agent | — |",
].join("\n");

const run = (spec: string, brief: string | null = BRIEF) =>
  glossaryTermRule.run(
    buildCheckContext({
      files: { "docs/specs/a.md": spec, ...(brief === null ? {} : { [BRIEF_PATH]: brief }) },
    }),
  );

describe("glossary-term", () => {
  it("accepts prose that uses the canonical terms", () => {
    const spec = [
      "# A",
      "",
      "Each session gets a sandbox; an automation run creates one too.",
      "",
      "Ignored: `environment` in code, the file apps/web/src/environment.ts, [docs](https://example.com/environment),",
      'the word "environment" in quotes, environment-specific and envs.',
      "",
      "> The old design called it an environment.",
      "",
      "```",
      "const job = createJob(environment);",
      "```",
    ].join("\n");
    expect(run(spec)).toEqual([]);
  });

  it("reports each forbidden word once per spec, with lines and count, as info for single words", () => {
    const spec =
      "# A\n\nThe environment boots fast.\n\nEach Environment is reused; environments are pooled.\n";
    expect(run(spec)).toEqual([
      {
        rule: "glossary-term",
        severity: "info",
        file: "docs/specs/a.md",
        line: 3,
        message:
          'Uses "environment" 3 times (lines 3, 5, 5); the boundary brief\'s glossary calls this "sandbox" (The isolated machine a session runs in).',
        subjects: ["term:environment"],
        specs: ["docs/specs/a.md"],
        fix: 'Where "environment" names this concept, write "sandbox" instead; leave it where it means something else.',
      },
    ]);
  });

  it.each([
    ["a multi-word term", "A background task retries it.", "background task", "warning"],
    ["a CamelCase word", "The SandboxPool stops after an hour.", "SandboxPool", "warning"],
    ["a short acronym (often meant literally)", "The VM stops after an hour.", "VM", "info"],
  ])("reports %s as %s", (_name, sentence, term, severity) => {
    const brief = BRIEF.replace('"VM" |', '"VM", "SandboxPool" |');
    expect(run(`# A\n\n${sentence}\n`, brief)).toEqual([
      expect.objectContaining({ severity, subjects: [`term:${term.toLowerCase()}`] }),
    ]);
  });

  it("reads an unquoted lead-in such as Never call it a VM, as info", () => {
    const brief = BRIEF.replace('"environment", "container", "VM"', "Never call it a VM");
    expect(run("# A\n\nThe VM stops after an hour.\n", brief)).toEqual([
      expect.objectContaining({ severity: "info", subjects: ["term:vm"] }),
    ]);
  });

  it("matches in headings, lists and tables, and across line breaks", () => {
    const spec =
      "# A\n\n## Container lifecycle\n\n- the job\n\n| x | y |\n|---|---|\n| a | one VM |\n\nA background\ntask retries.\n";
    expect(run(spec).map((f) => [f.subjects[0], f.line])).toEqual([
      ["term:container", 3],
      ["term:job", 5],
      ["term:vm", 9],
      ["term:background task", 11],
    ]);
  });

  it("reports a missing brief once as input info", () => {
    expect(run("# A\n\nThe environment.\n", null)).toEqual([
      expect.objectContaining({
        rule: "input",
        severity: "info",
        file: BRIEF_PATH,
        message: expect.stringContaining("`glossary-term` was skipped"),
      }),
    ]);
  });

  it("reports a brief without a glossary table as input info", () => {
    expect(run("# A\n", "# Brief\n\nNo table here.\n")).toEqual([
      expect.objectContaining({
        rule: "input",
        severity: "info",
        message: expect.stringContaining("no glossary table"),
      }),
    ]);
  });
});
