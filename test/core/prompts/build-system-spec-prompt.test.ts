import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/core/config/parse-config.js";
import { resolveSystemSpecs, type ResolvedSystemSpecs } from "../../../src/core/config/resolve-config.js";
import {
  buildSystemSpecPrompt,
  SHARED_BLOCKS,
  type BuildSystemSpecPromptInput,
  type SystemSpecContext,
} from "../../../src/core/prompts/build-system-spec-prompt.js";
import { PromptTemplateError } from "../../../src/core/prompts/prompt-template-error.js";

const BUILTIN = {
  text: readFileSync(new URL("../../../prompts/system-spec.md", import.meta.url), "utf8"),
  source: "prompts/system-spec.md (built-in)",
};

const CONFIG = `
systemSpecs:
  lines: { min: 250, max: 500 }
  agents:
    - name: ledger
      title: Ledger & Postings
      phase: 2
      registrySection: 4
      inScope: [Posting lifecycle, Balance snapshots]
      outOfScope:
        - { item: Currency conversion, owner: docs/specs/fx-rates.md, note: handoff at the RateQuote type }
        - Audit export
      keyFiles:
        - { path: services/ledger/post.ts, note: the posting state machine }
        - services/ledger/handlers/
        - services/ledger/legacy.ts
      reads: [docs/specs/accounts.md, docs/specs/fx-rates.md]
      rules: [Keep the spec under 400 lines.]
      lines: { min: 150, max: 380 }
    - name: payouts
      title: Payouts
      phase: 2
      inScope: [Payout batching]
      keyFiles: [services/payouts/batch.ts]
`;

function systemSpecs(): ResolvedSystemSpecs {
  const parsed = parseConfig(CONFIG);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return resolveSystemSpecs(parsed.config, []);
}

const CONTEXT: SystemSpecContext = {
  brief: "# Boundary brief\n\n## 3. Glossary\n\n- **posting**: one ledger entry\n",
  template: "# <Title>\n\n## 1. Scope\n\n## 2. Core concepts\n",
  registry:
    "# Feature registry\n\n## 4. Ledger\n\n| Feature | Status |\n|---|---|\n| Postings | Implemented |\n",
  earlierSpecs: [
    { path: "docs/specs/fx-rates.md", text: "# FX rates\n\nRates come from `services/fx/quote.ts`.\n" },
    { path: "docs/specs/accounts.md", text: "# Accounts\n\nAccounts own balances.\n" },
  ],
};

function input(
  agentName: string,
  overrides: Partial<BuildSystemSpecPromptInput> = {},
): BuildSystemSpecPromptInput {
  const specs = systemSpecs();
  const agent = specs.agents.find((a) => a.name === agentName);
  if (!agent) throw new Error(agentName);
  return {
    prompt: BUILTIN,
    systemSpecs: specs,
    agent,
    repoName: "acme/harbor",
    context: CONTEXT,
    keyFiles: [
      { path: "services/ledger/post.ts", exists: true, files: 1 },
      { path: "services/ledger/handlers/", exists: true, files: 7 },
      { path: "services/ledger/legacy.ts", exists: false, files: 0 },
      { path: "services/payouts/batch.ts", exists: true, files: 1 },
    ],
    limits: { maxTurns: 40, maxInputTokens: 1_500_000, maxOutputTokens: 64_000 },
    ...overrides,
  };
}

describe("buildSystemSpecPrompt", () => {
  it("gives two agents of the same phase a byte-identical system prefix", () => {
    const ledger = buildSystemSpecPrompt(input("ledger"));
    // Same documents handed over in a different order: the prefix must not change.
    const payouts = buildSystemSpecPrompt(
      input("payouts", { context: { ...CONTEXT, earlierSpecs: [...CONTEXT.earlierSpecs].reverse() } }),
    );
    expect(JSON.stringify(payouts.system)).toBe(JSON.stringify(ledger.system));
    expect(payouts.assignment).not.toBe(ledger.assignment);
  });

  it("puts nothing agent-specific in the prefix", () => {
    const prefix = buildSystemSpecPrompt(input("ledger"))
      .system.map((b) => b.text)
      .join("\n");
    for (const agentOnly of [
      "docs/specs/ledger.md",
      "Posting lifecycle",
      "services/ledger/post.ts",
      "Keep the spec under 400",
    ]) {
      expect(prefix).not.toContain(agentOnly);
    }
  });

  it("orders the prefix: instructions, brief, template, whole registry, earlier specs by path", () => {
    const { system } = buildSystemSpecPrompt(input("ledger"));
    expect(system).toHaveLength(6);
    expect(system[0]?.text).toMatch(/^You are a senior engineer documenting the acme\/harbor codebase/);
    expect(system[0]?.text).not.toContain("<!--");
    expect(system[0]?.text).toContain("usually 250–500 lines");
    expect(system[0]?.text).toContain("- Cite file paths as evidence for every behavioural claim.");
    expect(
      system.slice(1).map((b) => /^<document path="([^"]+)" role="([^"]+)"/.exec(b.text)?.slice(1)),
    ).toEqual([
      ["docs/specs/boundary-brief.md", "boundary brief"],
      ["docs/specs/template.md", "spec template"],
      ["docs/specs/feature-registry.md", "feature registry"],
      ["docs/specs/accounts.md", "spec"],
      ["docs/specs/fx-rates.md", "spec"],
    ]);
    expect(system[3]?.text).toContain("| Postings | Implemented |");
  });

  it("sets cache breakpoints on the registry (last shared block) and on the last earlier spec", () => {
    const { system } = buildSystemSpecPrompt(input("ledger"));
    expect(system.map((b) => b.cache)).toEqual([false, false, false, true, false, true]);
    const phaseOne = buildSystemSpecPrompt(input("ledger", { context: { ...CONTEXT, earlierSpecs: [] } }));
    expect(phaseOne.system.map((b) => b.cache)).toEqual([false, false, false, true]);
  });

  it("keeps the shared blocks byte-identical whatever earlier specs an agent gets", () => {
    const withSpecs = buildSystemSpecPrompt(input("ledger"));
    const oneSpec = buildSystemSpecPrompt(
      input("payouts", { context: { ...CONTEXT, earlierSpecs: CONTEXT.earlierSpecs.slice(0, 1) } }),
    );
    const none = buildSystemSpecPrompt(input("payouts", { context: { ...CONTEXT, earlierSpecs: [] } }));
    const shared = (p: { system: unknown[] }) => JSON.stringify(p.system.slice(0, SHARED_BLOCKS));
    expect(shared(oneSpec)).toBe(shared(withSpecs));
    expect(shared(none)).toBe(shared(withSpecs));
    expect(JSON.stringify(none.system)).toBe(shared(withSpecs));
  });

  it("writes the assignment: spec file, scope, owners, key files with notes and existence, reads, rules", () => {
    const { assignment } = buildSystemSpecPrompt(input("ledger"));
    expect(assignment).toMatch(/^# Your assignment: Ledger & Postings\n/);
    expect(assignment).toContain("You are the `ledger` agent. Write the system spec `docs/specs/ledger.md`.");
    expect(assignment).toContain("section 4 of `docs/specs/feature-registry.md` (included above)");
    expect(assignment).toContain("- Posting lifecycle\n- Balance snapshots");
    expect(assignment).toContain(
      "- Currency conversion — owned by `docs/specs/fx-rates.md` (handoff at the RateQuote type)\n- Audit export",
    );
    expect(assignment).toContain("- `services/ledger/post.ts` — the posting state machine\n");
    expect(assignment).toContain("- `services/ledger/handlers/` (folder, 7 files)");
    expect(assignment).toContain("- `services/ledger/legacy.ts` (**not found at this commit**");
    expect(assignment).toContain("- `docs/specs/accounts.md` (included above)");
    expect(assignment).toContain("- Keep the spec under 400 lines.");
    expect(assignment).not.toMatch(/\{\{|<!--/);
  });

  it("states the agent's own target length and its turn and token limits in the assignment", () => {
    const ledger = buildSystemSpecPrompt(input("ledger")).assignment;
    expect(ledger).toContain("**Target length:** 150–380 lines.");
    expect(ledger).toContain(
      "**Your limits:** at most 40 turns (each reply is one turn, however many tools it calls), 1,500,000 input tokens over all turns, and 64,000 output tokens. Batch independent tool calls in one reply.",
    );
    // An agent without its own lines gets the run's target.
    const payouts = buildSystemSpecPrompt(
      input("payouts", { limits: { maxTurns: 12, maxInputTokens: 200_000, maxOutputTokens: 8000 } }),
    ).assignment;
    expect(payouts).toContain("**Target length:** 250–500 lines.");
    expect(payouts).toContain("at most 12 turns");
    expect(payouts).toContain("200,000 input tokens");
  });

  it("says what is missing instead of leaving gaps", () => {
    const specs = systemSpecs();
    const { system, assignment } = buildSystemSpecPrompt(
      input("payouts", {
        systemSpecs: { ...specs, project: "Harbor" },
        context: { earlierSpecs: [], brief: undefined, registry: undefined, template: CONTEXT.template },
      }),
    );
    expect(system[0]?.text).toMatch(/^You are a senior engineer documenting the Harbor codebase/);
    expect(system[1]?.text).toBe(
      '<document path="docs/specs/boundary-brief.md" role="boundary brief" missing="true">\nThis file does not exist at this commit.\n</document>',
    );
    expect(assignment).toContain("`docs/specs/feature-registry.md` does not exist at this commit");
    expect(assignment).toContain("- Nothing is listed; the boundary brief decides who owns what.");
    expect(assignment).toContain("- None beyond the shared documents above.");
    expect(assignment).toContain("**Additional rules for this spec:**\n\n- None.");
  });

  it("marks a spec to read that is not in the prefix", () => {
    const { assignment } = buildSystemSpecPrompt(
      input("ledger", { context: { ...CONTEXT, earlierSpecs: [] } }),
    );
    expect(assignment).toContain("- `docs/specs/accounts.md` (not included above: read it with `read_file`");
  });

  it("reports an override that uses a per-agent value in the system part", () => {
    const prompt = {
      text: "Write {{specFile}}\n<!-- specwright:user-message -->\nGo",
      source: "docs/prompts/spec.md",
    };
    expect(() => buildSystemSpecPrompt(input("ledger", { prompt }))).toThrow(PromptTemplateError);
    expect(() => buildSystemSpecPrompt(input("ledger", { prompt }))).toThrow(
      "docs/prompts/spec.md (system part): unknown placeholder {{specFile}}",
    );
  });
});
