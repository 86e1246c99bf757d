import { describe, expect, it } from "vitest";
import { DEFAULT_MODEL } from "../../../src/core/config/config-schema.js";
import { formatConfigProblems, parseConfig } from "../../../src/core/config/parse-config.js";

describe("parseConfig", () => {
  it("applies every default to an empty file", () => {
    const result = parseConfig("");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.model.name).toBe(DEFAULT_MODEL);
    expect(result.config.systemSpecs.specsDir).toBe("docs/specs");
    expect(result.config.systemSpecs.lines).toEqual({ min: 300, max: 600 });
    expect(result.config.implementationSpecs).toEqual({
      discovery: ["docs/discovery/**/*.md"],
      output: "specs/{slug}.md",
      label: "needs-spec",
    });
    expect(result.config.budgets.repairRounds).toBe(2);
  });

  it("accepts the full shape the seeds need", () => {
    const yaml = `
systemSpecs:
  project: Orbit
  specsDir: docs/specs
  boundaryBrief: docs/specs/boundary-brief.md
  lines: { min: 200, max: 500 }
  review:
    output: docs/specs/consistency-review.md
  agents:
    - name: billing
      title: Billing & Metering
      phase: 3
      dependsOn: [auth]
      registrySection: 13
      inScope: [Credit gating]
      outOfScope:
        - Key generation (llm-proxy.md)
        - { item: Session pause, owner: sessions.md, note: mechanics only }
      keyFiles:
        - packages/billing/
        - { path: apps/worker/billing.ts, note: interval worker }
      reads: [docs/specs/auth.md]
    - name: auth
      phase: 1
implementationSpecs:
  discovery: ["docs/discovery/*.md"]
  label: spec-please
concurrency: 2
`;
    const result = parseConfig(yaml);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const billing = result.config.systemSpecs.agents[0];
    expect(billing?.keyFiles).toEqual([
      "packages/billing/",
      { path: "apps/worker/billing.ts", note: "interval worker" },
    ]);
    expect(billing?.registrySection).toBe(13);
    expect(result.config.implementationSpecs.output).toBe("specs/{slug}.md");
  });

  const invalid: [string, string, { line: number; column: number; key: string; message: RegExp }][] = [
    [
      "a YAML syntax error",
      "systemSpecs:\n  agents: [\n",
      { line: 3, column: 1, key: "", message: /YAML syntax/ },
    ],
    ["a scalar document", "just words", { line: 1, column: 1, key: "", message: /mapping/ }],
    [
      "an unknown top-level key",
      "modle: x\n",
      { line: 1, column: 1, key: "modle", message: /unknown key "modle"/ },
    ],
    [
      "a wrong type",
      "concurrency: lots\n",
      { line: 1, column: 14, key: "concurrency", message: /expected number/i },
    ],
    [
      "an out-of-range number",
      "budgets:\n  repairRounds: 99\n",
      { line: 2, column: 17, key: "budgets.repairRounds", message: /10/ },
    ],
    [
      "a bad agent name deep in a list",
      "systemSpecs:\n  agents:\n    - name: ok\n    - name: Not Kebab\n",
      { line: 4, column: 13, key: "systemSpecs.agents[1].name", message: /kebab-case/ },
    ],
    [
      "a reserved agent name",
      "systemSpecs:\n  agents:\n    - name: spec-login\n",
      { line: 3, column: 13, key: "systemSpecs.agents[0].name", message: /reserved/ },
    ],
    [
      "a key file escaping the repo",
      "systemSpecs:\n  agents:\n    - name: a\n      keyFiles: [../secrets.txt]\n",
      {
        line: 4,
        column: 18,
        key: "systemSpecs.agents[0].keyFiles[0]",
        message: /climbs above the repository root/,
      },
    ],
    [
      "a key file naming the repository root",
      "systemSpecs:\n  agents:\n    - name: a\n      keyFiles: [./]\n",
      { line: 4, column: 18, key: "systemSpecs.agents[0].keyFiles[0]", message: /names the repository root/ },
    ],
    [
      "an absolute spec file",
      "systemSpecs:\n  agents:\n    - name: a\n      specFile: /etc/a.md\n",
      {
        line: 4,
        column: 17,
        key: "systemSpecs.agents[0].specFile",
        message: /absolute paths are not allowed/,
      },
    ],
    [
      "an output pattern without {slug}",
      "implementationSpecs:\n  output: specs/spec.md\n",
      { line: 2, column: 11, key: "implementationSpecs.output", message: /\{slug\}/ },
    ],
    [
      "min greater than max",
      "systemSpecs:\n  lines: { min: 700, max: 600 }\n",
      { line: 2, column: 10, key: "systemSpecs.lines", message: /min/ },
    ],
    [
      "an unknown agent key",
      "systemSpecs:\n  agents:\n    - name: a\n      keyfiles: [x]\n",
      { line: 4, column: 7, key: "systemSpecs.agents[0].keyfiles", message: /unknown key/ },
    ],
  ];

  it.each(invalid)("reports %s with file, line, column and key", (_name, yaml, expected) => {
    const result = parseConfig(yaml, ".github/specwright.yml");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const problem = result.problems[0];
    expect(problem).toMatchObject({
      file: ".github/specwright.yml",
      line: expected.line,
      column: expected.column,
      key: expected.key,
    });
    expect(problem?.message).toMatch(expected.message);
  });

  it("collects every problem into one report, in file order", () => {
    const yaml = "concurrency: 0\nsystemSpecs:\n  agents:\n    - phase: 0\nmodel:\n  name: ''\n";
    const result = parseConfig(yaml);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.key)).toEqual([
      "concurrency",
      "systemSpecs.agents[0].name",
      "systemSpecs.agents[0].phase",
      "model.name",
    ]);
    expect(formatConfigProblems(result.problems).split("\n")).toHaveLength(4);
    expect(formatConfigProblems(result.problems)).toMatch(
      /^\.github\/specwright\.yml:1:14 {2}concurrency {2}/,
    );
  });

  it("rejects duplicate keys as a syntax problem", () => {
    const result = parseConfig("concurrency: 1\nconcurrency: 2\n");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.line).toBe(2);
  });
});
