import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { ConfigInput } from "../../../src/core/config/config-schema.js";
import { parseConfig } from "../../../src/core/config/parse-config.js";
import { resolveSystemSpecs, type ResolvedSystemSpecs } from "../../../src/core/config/resolve-config.js";
import { importAgentPrompts } from "../../../src/core/import/import-agent-prompts.js";
import { renderConfigYaml } from "../../../src/core/import/render-config-yaml.js";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const FIXTURE = readFileSync(new URL("../../fixtures/prompts/agent-prompts.md", import.meta.url), "utf8");
const SEED_PATH = resolve(repoRoot, "../shared/seeds/spec-agent-prompts.md");
const seedExists = existsSync(SEED_PATH);
const fence = "```";

/** import → YAML → parseConfig → resolveSystemSpecs, failing loudly if the YAML does not load. */
function roundTrip(config: ConfigInput): ResolvedSystemSpecs {
  const parsed = parseConfig(renderConfigYaml(config, "prompts.md"));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems, null, 2));
  return resolveSystemSpecs(parsed.config, []);
}

/** The importer's agents as the resolver would present them (defaults filled in, short forms expanded). */
function expectedAgents(config: ConfigInput, specsDir: string) {
  return (config.systemSpecs?.agents ?? []).map((a) => ({
    name: a.name,
    phase: a.phase,
    specFile: a.specFile ?? `${specsDir}/${a.name}.md`,
    inScope: a.inScope ?? [],
    outOfScope: (a.outOfScope ?? []).map((o) => (typeof o === "string" ? { item: o } : o)),
    keyFiles: (a.keyFiles ?? []).map((k) => (typeof k === "string" ? { path: k } : k)),
    reads: a.reads ?? [],
  }));
}
const pick = (agents: ResolvedSystemSpecs["agents"]) =>
  agents.map(({ name, declaredPhase, specFile, inScope, outOfScope, keyFiles, reads }) => ({
    name,
    phase: declaredPhase,
    specFile,
    inScope,
    outOfScope,
    keyFiles,
    reads,
  }));

const agentDoc = (...blocks: string[]) => blocks.join("\n");
const agent = (title: string, body: string) => `### ${title}\n\n${fence}\n${body}\n${fence}\n`;

describe("importAgentPrompts on the fixture", () => {
  const { config, warnings, source } = importAgentPrompts(FIXTURE, "docs/specs/agent-prompts.md");
  const resolved = roundTrip(config);

  it("imports without warnings and keeps the source path", () => {
    expect(warnings).toEqual([]);
    expect(source).toBe("docs/specs/agent-prompts.md");
  });

  it("reads agents, phases, spec files and registry sections", () => {
    expect(
      resolved.agents.map((a) => [a.name, a.title, a.declaredPhase, a.specFile, a.registrySection]),
    ).toEqual([
      ["ingest-pipeline", "Ingest Pipeline", 1, "docs/specs/ingest-pipeline.md", "1"],
      ["storage-engine", "Storage Engine", 1, "docs/specs/storage-engine.md", "2"],
      ["query-api", "Query API", 2, "docs/specs/query-api.md", "3"],
      ["alerting", "Alerting & Notifications", 2, "docs/specs/alerting.md", "4"],
      ["dashboards", "Dashboards", 3, "docs/specs/dashboards.md", "5"],
      ["tenancy-billing", "Tenancy & Billing", 3, "docs/specs/tenancy-billing.md", "6"],
    ]);
  });

  it("reads shared settings: project, template, target length, rules and review output", () => {
    expect(resolved).toMatchObject({
      project: "Lantern",
      specsDir: "docs/specs",
      boundaryBrief: "docs/specs/boundary-brief.md",
      template: "docs/specs/spec-template.md",
      featureRegistry: "docs/specs/feature-registry.md",
      lines: { min: 350, max: 550 },
      reviewOutput: "docs/specs/review/consistency.md",
    });
    expect(resolved.rules).toHaveLength(5);
    expect(resolved.rules).not.toContain("Target 350-550 lines");
  });

  it("turns the other read-first items into reads", () => {
    expect(Object.fromEntries(resolved.agents.map((a) => [a.name, a.reads]))).toEqual({
      "ingest-pipeline": [],
      "storage-engine": [],
      "query-api": ["docs/specs/storage-engine.md", "docs/specs/ingest-pipeline.md"],
      alerting: ["docs/specs/storage-engine.md"],
      dashboards: ["docs/specs/query-api.md"],
      "tenancy-billing": ["docs/specs/query-api.md"],
    });
  });

  it("keeps every key-file and out-of-scope form", () => {
    const ingest = resolved.agents[0];
    expect(ingest?.keyFiles).toEqual([
      { path: "services/collector/src/main.rs", note: "entry point" },
      { path: "services/collector/src/otlp/", note: "all files — both transports" },
      { path: "services/collector/src/batcher.rs", note: "flush thresholds and back-pressure" },
      { path: "crates/lantern-schema/src/normalise.rs" },
      { path: "config/collector.example.toml" },
    ]);
    expect(ingest?.outOfScope).toEqual([
      { item: "How batches are laid out on disk", owner: "storage-engine.md" },
      {
        item: "Tenant quotas applied at the edge",
        owner: "tenancy-billing.md",
        note: "the collector only reads the quota cache",
      },
      { item: "Alert evaluation on fresh data — streaming rules", owner: "alerting.md" },
    ]);
    expect(resolved.agents[1]?.outOfScope).toContainEqual({
      item: "Retention prices per plan",
      owner: "tenancy-billing.md",
      note: "or the pricing page — prices change often",
    });
  });

  it("keeps per-agent rules, a differing target and NOTE paragraphs on the agent", () => {
    expect(resolved.agents.find((a) => a.name === "alerting")?.rules).toEqual([
      "Alert evaluation runs inside the collector process but is owned by this spec. Describe the hook point, not the collector.",
    ]);
    const billing = resolved.agents.find((a) => a.name === "tenancy-billing");
    expect(billing?.rules).toEqual(["Leave invoice PDF rendering to a short pointer; it is being replaced"]);
    expect(billing?.lines).toEqual({ min: 200, max: 400 });
    expect(resolved.agents.find((a) => a.name === "alerting")?.lines).toEqual(resolved.lines);
  });

  it("round-trips: import → YAML → load gives the same agents", () => {
    expect(pick(resolved.agents)).toEqual(expectedAgents(config, "docs/specs"));
  });

  it("leaves default values out of the config", () => {
    const s = config.systemSpecs;
    expect(s && Object.keys(s)).toEqual(["project", "template", "lines", "rules", "agents", "review"]);
    expect(s?.agents?.every((a) => a.specFile === undefined)).toBe(true);
  });

  it("gives the same result for CRLF line ends, a BOM and extra blank lines", () => {
    const variant = `\uFEFF${FIXTURE.replace(/\n/g, "\r\n")}`;
    expect(importAgentPrompts(variant, "docs/specs/agent-prompts.md")).toEqual({
      config,
      warnings,
      source: "docs/specs/agent-prompts.md",
    });
    const spaced = FIXTURE.replace(/^(- In scope:)$/gm, "$1\n");
    expect(importAgentPrompts(spaced, "x.md").config).toEqual(config);
  });
});

describe("importAgentPrompts on the seed prompts file", () => {
  const title = seedExists
    ? "imports 13 agents in phases 1-3 with the review output"
    : `SKIPPED: the seed file ${SEED_PATH} is not present`;
  it.skipIf(!seedExists)(title, () => {
    const { config, warnings } = importAgentPrompts(
      readFileSync(SEED_PATH, "utf8"),
      "docs/specs/agent-prompts.md",
    );
    const resolved = roundTrip(config);
    expect(resolved.agents).toHaveLength(13);
    expect(resolved.agents.map((a) => a.declaredPhase)).toEqual([1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3]);
    expect(resolved.agents.map((a) => a.registrySection)).toEqual(
      Array.from({ length: 13 }, (_, i) => String(i + 1)),
    );
    expect(resolved.reviewOutput).toBe("docs/specs/consistency-review.md");
    expect(resolved.project).toBe("Proliferate");
    expect(resolved.lines).toEqual({ min: 300, max: 600 });
    expect(resolved.agents.find((a) => a.name === "sessions-gateway")?.reads).toEqual([
      "docs/specs/agent-contract.md",
      "docs/specs/sandbox-providers.md",
    ]);
    expect(pick(resolved.agents)).toEqual(expectedAgents(config, "docs/specs"));
    // The only warning: one agent states a different length instead of the shared target.
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toMatch(/states no "Target N-M lines" rule/);
  });
});

describe("importAgentPrompts on malformed and unusual input", () => {
  it.each([
    ["empty text", ""],
    ["prose only", "# Notes\n\nNothing to see here.\n"],
    ["binary-looking text", "\u0000\u0001\u0002"],
  ])("returns no agents and does not throw for %s", (_name, text) => {
    const result = importAgentPrompts(text, "x.md");
    expect(result.config.systemSpecs?.agents).toEqual([]);
    expect(parseConfig(renderConfigYaml(result.config, "x.md")).ok).toBe(true);
  });

  it("names an agent without a Spec file line after its title and warns", () => {
    const text = agentDoc(
      "## Phase 1",
      agent("1. Sessions & Gateway", "YOUR ASSIGNMENT:\n- In scope:\n  - Sessions"),
    );
    const { config, warnings } = importAgentPrompts(text, "p.md");
    expect(config.systemSpecs?.agents?.map((a) => a.name)).toEqual(["sessions-gateway"]);
    expect(warnings).toEqual([
      { line: 2, message: expect.stringMatching(/no "Spec file:" line; named the agent "sessions-gateway"/) },
    ]);
  });

  it("skips a block that is not an agent prompt, and a second agent writing the same spec", () => {
    const text = agentDoc(
      "## Phase 1",
      agent("1. A", "YOUR ASSIGNMENT:\n- Spec file: docs/specs/a.md"),
      agent("2. Empty", "RULES:\n- be nice"),
      agent("3. A again", "YOUR ASSIGNMENT:\n- Spec file: docs/specs/a.md"),
    );
    const { config, warnings } = importAgentPrompts(text, "p.md");
    expect(config.systemSpecs?.agents?.map((a) => a.title)).toEqual(["A"]);
    expect(warnings.map((w) => [w.line, w.message.replace(/".*?"/, "…")])).toEqual([
      [9, expect.stringMatching(/no "Spec file:" and no scope or files; skipped/)],
      [16, expect.stringMatching(/writes the same spec as .*line 2.*skipped/)],
    ]);
  });

  it("warns about an agent outside any Phase heading when others have one", () => {
    const text = agentDoc(
      "## Phase 1",
      agent("1. A", "YOUR ASSIGNMENT:\n- Spec file: docs/specs/a.md"),
      "## Extras",
      agent("2. B", "YOUR ASSIGNMENT:\n- Spec file: docs/specs/b.md"),
    );
    const { config, warnings } = importAgentPrompts(text, "p.md");
    expect(config.systemSpecs?.agents?.map((a) => a.phase)).toEqual([1, undefined]);
    expect(warnings).toEqual([
      { line: 10, message: expect.stringMatching(/"B" is not under a "## Phase N" heading/) },
    ]);
  });

  it("reports block problems with the line in the prompts file", () => {
    const text = agentDoc(
      "## Phase 1",
      agent("1. A", "YOUR ASSIGNMENT:\n- Spec file: docs/specs/a.md\n\nSTYLE GUIDE:\n- short sentences"),
    );
    expect(importAgentPrompts(text, "p.md").warnings).toEqual([
      { line: 8, message: 'unknown section "STYLE GUIDE:" ignored' },
    ]);
  });

  it("omits everything that equals the defaults", () => {
    const body = [
      "READ THESE FILES FIRST:",
      "1. docs/specs/boundary-brief.md — boundary rules",
      "2. docs/specs/template.md — spec template",
      "3. docs/specs/feature-registry.md — section 1",
      "YOUR ASSIGNMENT:",
      "- Spec file: docs/specs/a.md",
      "RULES:",
      "- Document what is in the default branch today, not aspirational design",
      "- Cite file paths as evidence for every behavioral claim",
      "- Link to other specs for out-of-scope concepts instead of re-explaining them",
      "- Use only terms from the boundary brief's canonical glossary",
      "- Target 300-600 lines",
      "- Classify every feature as Implemented, Partial, Planned or Deprecated",
    ].join("\n");
    const { config } = importAgentPrompts(agentDoc("## Phase 1", agent("1. A", body)), "p.md");
    expect(config).toEqual({
      systemSpecs: { agents: [{ name: "a", title: "A", phase: 1, registrySection: 1 }] },
    });
  });

  it("derives specsDir from the spec files and keeps an odd one out explicit", () => {
    const text = agentDoc(
      agent("1. A", "YOUR ASSIGNMENT:\n- Spec file: specs/system/a.md"),
      agent("2. B", "YOUR ASSIGNMENT:\n- Spec file: specs/system/b.md"),
      agent("3. C", "YOUR ASSIGNMENT:\n- Spec file: other/c.md"),
    );
    const { config } = importAgentPrompts(text, "p.md");
    expect(config.systemSpecs?.specsDir).toBe("specs/system");
    expect(config.systemSpecs?.agents?.map((a) => a.specFile)).toEqual([undefined, undefined, "other/c.md"]);
    expect(roundTrip(config).agents.map((a) => a.specFile)).toEqual([
      "specs/system/a.md",
      "specs/system/b.md",
      "other/c.md",
    ]);
  });

  it("warns when agents disagree on the project or the boundary brief", () => {
    const text = agentDoc(
      agent(
        "1. A",
        "You are writing a system spec for the Alpha codebase.\nREAD THESE FILES FIRST:\n1. docs/brief.md — boundary rules\nYOUR ASSIGNMENT:\n- Spec file: docs/a.md",
      ),
      agent(
        "2. B",
        "You are writing a system spec for the Beta codebase.\nREAD THESE FILES FIRST:\n1. docs/brief-2.md — boundary rules\nYOUR ASSIGNMENT:\n- Spec file: docs/b.md",
      ),
    );
    const { config, warnings } = importAgentPrompts(text, "p.md");
    expect(config.systemSpecs?.project).toBe("Alpha");
    expect(config.systemSpecs?.boundaryBrief).toBe("docs/brief.md");
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/several projects \(Alpha, Beta\)/),
      expect.stringMatching(/boundaryBrief "docs\/brief-2.md" differs from "docs\/brief.md"/),
    ]);
  });
});

describe("importAgentPrompts on truncated input", () => {
  const lines = FIXTURE.split("\n");
  const cuts = lines.map((_, i) => i).filter((i) => i % 6 === 0);

  it("never throws and always renders a config that loads", () => {
    for (const cut of cuts) {
      for (const text of [lines.slice(0, cut).join("\n"), lines.slice(cut).join("\n")]) {
        const { config } = importAgentPrompts(text, "p.md");
        const parsed = parseConfig(renderConfigYaml(config, "p.md"));
        expect(parsed.ok, `cut at line ${cut + 1}: ${JSON.stringify(parsed.ok ? "" : parsed.problems)}`).toBe(
          true,
        );
      }
    }
  });
});
