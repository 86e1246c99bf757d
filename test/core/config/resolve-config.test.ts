import { describe, expect, it } from "vitest";
import { configSchema } from "../../../src/core/config/config-schema.js";
import { resolveSystemSpecs } from "../../../src/core/config/resolve-config.js";

describe("resolveSystemSpecs", () => {
  it("infers one phase-1 agent per spec in a repo with only docs/specs/", () => {
    const config = configSchema.parse({});
    const resolved = resolveSystemSpecs(config, [
      "docs/specs/boundary-brief.md",
      "docs/specs/template.md",
      "docs/specs/feature-registry.md",
      "docs/specs/consistency-review.md",
      "docs/specs/README.md",
      "docs/specs/Sessions_Gateway.md",
      "docs/specs/billing.md",
      "docs/specs/archive/old.md",
      "src/index.ts",
    ]);
    expect(resolved.agentsInferred).toBe(true);
    expect(resolved.agents.map((a) => [a.name, a.title, a.declaredPhase, a.specFile])).toEqual([
      ["sessions-gateway", "Sessions Gateway", 1, "docs/specs/Sessions_Gateway.md"],
      ["billing", "Billing", 1, "docs/specs/billing.md"],
    ]);
  });

  it("fills defaults from specsDir and keeps configured agents as written", () => {
    const config = configSchema.parse({
      systemSpecs: {
        specsDir: "specs/system/",
        featureRegistry: "docs/features.md",
        agents: [
          {
            name: "llm-proxy",
            registrySection: 7,
            keyFiles: ["apps/llm-proxy/", { path: "a.ts", note: "n" }],
            outOfScope: ["Billing (billing.md)", { item: "Keys", owner: "auth.md" }],
          },
        ],
      },
    });
    const resolved = resolveSystemSpecs(config, []);
    expect(resolved).toMatchObject({
      specsDir: "specs/system",
      boundaryBrief: "specs/system/boundary-brief.md",
      template: "specs/system/template.md",
      featureRegistry: "docs/features.md",
      reviewOutput: "specs/system/consistency-review.md",
      agentsInferred: false,
    });
    expect(resolved.agents[0]).toMatchObject({
      name: "llm-proxy",
      title: "Llm Proxy",
      specFile: "specs/system/llm-proxy.md",
      registrySection: "7",
      keyFiles: [{ path: "apps/llm-proxy/" }, { path: "a.ts", note: "n" }],
      outOfScope: [{ item: "Billing (billing.md)" }, { item: "Keys", owner: "auth.md" }],
    });
  });

  it("normalises config paths so they compare equal to snapshot paths", () => {
    const config = configSchema.parse({
      systemSpecs: {
        specsDir: "./docs//specs/",
        boundaryBrief: "docs\\specs\\brief.md",
        agents: [
          { name: "a", specFile: "./docs/specs/a.md", keyFiles: ["src//a/", { path: "./src/b.ts" }] },
          { name: "b", reads: ["docs/specs/./a.md"] },
        ],
      },
    });
    const resolved = resolveSystemSpecs(config, []);
    expect(resolved.specsDir).toBe("docs/specs");
    expect(resolved.boundaryBrief).toBe("docs/specs/brief.md");
    expect(resolved.template).toBe("docs/specs/template.md");
    expect(resolved.agents[0]?.specFile).toBe("docs/specs/a.md");
    expect(resolved.agents[0]?.keyFiles).toEqual([{ path: "src/a/" }, { path: "src/b.ts" }]);
    expect(resolved.agents[1]?.reads).toEqual(["docs/specs/a.md"]);
  });

  it("does not turn an agent-prompts file into an inferred agent", () => {
    const resolved = resolveSystemSpecs(configSchema.parse({}), [
      "docs/specs/agent-prompts.md",
      "docs/specs/cli.md",
    ]);
    expect(resolved.agents.map((a) => a.name)).toEqual(["cli"]);
  });
});
