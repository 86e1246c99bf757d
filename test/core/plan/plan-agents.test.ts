import { describe, expect, it } from "vitest";
import { createFileIndex } from "../../../src/core/files/file-index.js";
import { planAgents, CHARS_PER_SPEC_LINE } from "../../../src/core/plan/plan-agents.js";
import { estimateTokens } from "../../../src/core/plan/estimate-tokens.js";
import { agent, systemSpecs } from "../../helpers/resolved-agent.js";

const files = createFileIndex([
  { path: "docs/specs/boundary-brief.md", size: 4000 },
  { path: "docs/specs/template.md", size: 1000 },
  { path: "docs/specs/feature-registry.md", size: 3000 },
  { path: "docs/specs/legacy.md", size: 2000 },
  { path: "packages/shared/src/prompts.ts", size: 800 },
  { path: "apps/gateway/src/hub/tools/a.ts", size: 100 },
  { path: "apps/gateway/src/hub/tools/b.ts", size: 100 },
  { path: "apps/gateway/src/hub/tools/nested/c.ts", size: 100 },
]);

const agents = [
  agent("agent-contract", {
    declaredPhase: 1,
    keyFiles: [
      { path: "packages/shared/src/prompts.ts" },
      { path: "apps/gateway/src/hub/tools/", note: "contracts" },
    ],
  }),
  agent("sandbox-providers", { declaredPhase: 1, reads: ["docs/specs/legacy.md"] }),
  agent("sessions-gateway", {
    declaredPhase: 2,
    reads: ["docs/specs/agent-contract.md", "docs/specs/sandbox-providers.md"],
    keyFiles: [{ path: "apps/gateway/src/missing.ts" }],
  }),
  agent("billing", { dependsOn: ["sessions-gateway"] }),
];

describe("planAgents", () => {
  const plan = planAgents({
    systemSpecs: systemSpecs(agents),
    files,
    selection: { names: [], withDependents: false },
    promptChars: 2000,
  });

  it("groups agents into phases from declared phases and dependencies", () => {
    expect(plan.phases).toEqual([
      { phase: 1, agents: ["agent-contract", "sandbox-providers"] },
      { phase: 2, agents: ["sessions-gateway"] },
      { phase: 3, agents: ["billing"] },
    ]);
  });

  it("derives dependencies from the specs an agent reads", () => {
    const sessions = plan.agents.find((a) => a.name === "sessions-gateway");
    expect(sessions?.dependsOn).toEqual(["agent-contract", "sandbox-providers"]);
    const billing = plan.agents.find((a) => a.name === "billing");
    expect(billing?.reads).toEqual(["docs/specs/sessions-gateway.md"]);
    expect(billing?.context).toEqual([
      "docs/specs/boundary-brief.md",
      "docs/specs/template.md",
      "docs/specs/feature-registry.md",
    ]);
  });

  it("expands directories and marks missing key files", () => {
    expect(plan.agents[0]?.keyFiles).toEqual([
      { path: "packages/shared/src/prompts.ts", note: undefined, exists: true, files: 1 },
      { path: "apps/gateway/src/hub/tools/", note: "contracts", exists: true, files: 3 },
    ]);
    expect(plan.problems).toContainEqual(
      expect.objectContaining({
        kind: "missing-key-file",
        severity: "error",
        agent: "sessions-gateway",
        path: "apps/gateway/src/missing.ts",
      }),
    );
  });

  it("says why a key file the snapshot refuses cannot be read, instead of calling it missing", () => {
    const refusedPlan = planAgents({
      systemSpecs: systemSpecs(agents),
      files,
      selection: { names: [], withDependents: false },
      promptChars: 2000,
      refused: new Map([
        ["apps/gateway/src/missing.ts", 'the symlink points at "../../etc/passwd", outside the repository'],
      ]),
    });
    const problem = refusedPlan.problems.find((p) => p.path === "apps/gateway/src/missing.ts");
    expect(problem).toMatchObject({ kind: "missing-key-file", severity: "error", agent: "sessions-gateway" });
    expect(problem?.message).toBe(
      'Agent "sessions-gateway" lists key file apps/gateway/src/missing.ts, which agents may not read: ' +
        'the symlink points at "../../etc/passwd", outside the repository. ' +
        "List the file it points at (inside the repository) or remove it from keyFiles.",
    );
    expect(plan.problems.find((p) => p.path === "apps/gateway/src/missing.ts")?.message).toContain(
      "which does not exist at this commit",
    );
  });

  it("estimates input tokens from prompt, context, reads and key files", () => {
    const context = 4000 + 1000 + 3000;
    expect(plan.agents[0]?.estimatedInputTokens).toBe(estimateTokens(2000 + context + 800 + 300));
    expect(plan.agents[1]?.estimatedInputTokens).toBe(estimateTokens(2000 + context + 2000));
    // Specs written earlier in the same run are estimated from the target length.
    expect(plan.agents[2]?.estimatedInputTokens).toBe(
      estimateTokens(2000 + context + 2 * 600 * CHARS_PER_SPEC_LINE),
    );
  });

  it("warns when a subset reads a spec that nobody will have written", () => {
    const subset = planAgents({
      systemSpecs: systemSpecs(agents),
      files,
      selection: { names: ["sessions-gateway"], withDependents: true },
      promptChars: 0,
    });
    expect(subset.phases).toEqual([
      { phase: 2, agents: ["sessions-gateway"] },
      { phase: 3, agents: ["billing"] },
    ]);
    const missing = subset.problems.filter((p) => p.kind === "missing-read");
    expect(missing.map((p) => p.path)).toEqual([
      "docs/specs/agent-contract.md",
      "docs/specs/sandbox-providers.md",
    ]);
    expect(missing[0]?.message).toContain('Select "agent-contract" too');
  });

  it("reports missing shared context files as warnings", () => {
    const bare = planAgents({
      systemSpecs: systemSpecs([agent("solo")]),
      files: createFileIndex([]),
      selection: { names: [], withDependents: false },
      promptChars: 0,
    });
    expect(bare.problems.map((p) => [p.kind, p.severity, p.path])).toEqual([
      ["missing-context", "warning", "docs/specs/boundary-brief.md"],
      ["missing-context", "warning", "docs/specs/template.md"],
      ["missing-context", "warning", "docs/specs/feature-registry.md"],
    ]);
  });

  it.each([
    {
      name: "duplicate agent names",
      agents: [agent("a"), agent("a", { specFile: "docs/specs/other.md" })],
      kind: "duplicate-agent",
    },
    {
      name: "two agents writing one file",
      agents: [agent("a"), agent("b", { specFile: "docs/specs/a.md" })],
      kind: "duplicate-spec-file",
    },
    {
      name: "an unknown dependency",
      agents: [agent("a", { dependsOn: ["bee"] }), agent("b")],
      kind: "unknown-dependency",
    },
    {
      name: "a cycle through reads",
      agents: [agent("a", { reads: ["docs/specs/b.md"] }), agent("b", { reads: ["docs/specs/a.md"] })],
      kind: "cycle",
    },
  ])("reports $name as an error", ({ agents: list, kind }) => {
    const result = planAgents({
      systemSpecs: systemSpecs(list),
      files,
      selection: { names: [], withDependents: false },
      promptChars: 0,
    });
    expect(result.problems).toContainEqual(expect.objectContaining({ kind, severity: "error" }));
  });

  it("counts each key file once, leaves out files agents never read, and uses the owner's own target", () => {
    const index = createFileIndex([
      { path: "src/lib/a.ts", size: 100 },
      { path: "src/lib/big.bin", size: 5_000_000 },
    ]);
    const result = planAgents({
      systemSpecs: systemSpecs([
        agent("first", { lines: { min: 10, max: 20 } }),
        agent("second", {
          reads: ["docs/specs/first.md"],
          keyFiles: [{ path: "src/lib/" }, { path: "src/lib/a.ts" }],
        }),
      ]),
      files: index,
      selection: { names: [], withDependents: false },
      promptChars: 0,
      maxFileBytes: 1_000_000,
    });
    expect(result.agents[1]?.estimatedInputTokens).toBe(estimateTokens(100 + 20 * CHARS_PER_SPEC_LINE));
    expect(result.agents[1]?.keyFiles.map((k) => k.files)).toEqual([2, 1]);
  });

  it("suggests each known name once even when names are duplicated", () => {
    const result = planAgents({
      systemSpecs: systemSpecs([
        agent("alpha"),
        agent("alpha", { specFile: "docs/specs/x.md" }),
        agent("b", { dependsOn: ["alpah"] }),
      ]),
      files,
      selection: { names: [], withDependents: false },
      promptChars: 0,
    });
    const unknown = result.problems.find((p) => p.kind === "unknown-dependency");
    expect(unknown?.message).toContain('Did you mean "alpha"?');
  });
});
