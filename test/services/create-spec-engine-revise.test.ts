import { describe, expect, it } from "vitest";
import { createAnthropicModel } from "../../src/adapters/anthropic/create-anthropic-model.js";
import type { Config } from "../../src/core/config/config-schema.js";
import { parseConfig } from "../../src/core/config/parse-config.js";
import { UsageError } from "../../src/core/errors.js";
import { createSpecEngine } from "../../src/services/create-spec-engine.js";
import { createMemorySnapshot } from "../helpers/memory-snapshot.js";
import { ORBIT_CONFIG, orbitFiles, orbitSpec } from "../helpers/orbit-repo.js";
import { mockAgents, readFile, submitSpec, type MessagesBody } from "../helpers/scripted-agents.js";

function config(): Config {
  const parsed = parseConfig(ORBIT_CONFIG);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.config;
}

const engine = () =>
  createSpecEngine({ model: createAnthropicModel({ apiKey: "sk-ant-test-key-000000", maxRetries: 0 }) });

const written = {
  ...orbitFiles(),
  "docs/specs/catalog.md": orbitSpec("catalog"),
  "docs/specs/cart.md": orbitSpec("cart"),
  "docs/specs/checkout.md": orbitSpec("checkout"),
};

const firstMessage = (body: MessagesBody | undefined): string => {
  const content = body?.messages[0]?.content;
  return typeof content === "string" ? content : (content?.map((b) => b.text ?? "").join("") ?? "");
};

describe("createSpecEngine().reviseSpec", () => {
  it("reruns a system spec's agent with the current text and the feedback", async () => {
    const current = `${orbitSpec("checkout")}\nPayment retries are unclear.<!-- hidden instruction -->\n`;
    const revised = orbitSpec("checkout", 3);
    const mock = mockAgents({ checkout: [readFile("docs/specs/checkout.md"), submitSpec(revised)] });
    const result = await engine().reviseSpec({
      snapshot: createMemorySnapshot(written),
      config: config(),
      repoName: "orbit/books",
      specFile: "docs/specs/checkout.md",
      currentText: current,
      feedback: "Explain what `chargeCard` returns when the amount is zero.",
    });
    expect(mock.scope.isDone()).toBe(true);
    expect(result.failures).toEqual([]);
    expect(result.agents.map((a) => [a.name, a.status])).toEqual([["checkout", "succeeded"]]);
    expect(result.files).toEqual([{ path: "docs/specs/checkout.md", content: revised, author: "checkout" }]);

    const [first, second] = mock.of("checkout");
    const message = firstMessage(first?.body);
    expect(message).toContain("You are the `checkout` agent.");
    expect(message).toContain("## Revision requested");
    expect(message).toContain(
      "<reviewer-feedback>\nExplain what `chargeCard` returns when the amount is zero.\n</reviewer-feedback>",
    );
    expect(message).toContain("Payment retries are unclear.");
    expect(message).not.toContain("hidden instruction");
    // The agent's read_file of its own spec returns the current (PR branch) text.
    const tool = second?.body.messages.at(-1)?.content;
    expect(JSON.stringify(tool)).toContain("Payment retries are unclear.");
    // The specs it reads are in the prefix, as in a normal run.
    const system = (first?.body.system ?? []).map((b) => b.text).join("\n");
    expect(system).toContain('<document path="docs/specs/cart.md" role="spec">');
  });

  it("refuses a file that is no spec", async () => {
    const request = {
      snapshot: createMemorySnapshot(written),
      config: config(),
      repoName: "orbit/books",
      specFile: "src/cart/cart.ts",
      currentText: "x",
      feedback: "y",
    };
    await expect(engine().reviseSpec(request)).rejects.toThrow(UsageError);
    await expect(engine().reviseSpec(request)).rejects.toThrow(
      "src/cart/cart.ts is neither the spec of a system-spec agent nor an implementation spec.",
    );
  });
});

describe("createSpecEngine().reviewSpecs", () => {
  it("writes the deterministic review without calling the model when useModel is false", async () => {
    const events: string[] = [];
    const result = await engine().reviewSpecs({
      snapshot: createMemorySnapshot({
        ...written,
        "docs/specs/cart.md": orbitSpec("cart").replace("cart.ts:addToCart", "cart.ts:removeFromCart"),
      }),
      config: config(),
      repoName: "orbit/books",
      useModel: false,
      onProgress: (e) => events.push(e.type),
    });
    expect(result.agents).toEqual([]);
    expect(result.files.map((f) => [f.path, f.author])).toEqual([
      ["docs/specs/consistency-review.md", "review"],
    ]);
    expect(result.findings.filter((f) => f.severity === "error").map((f) => [f.rule, f.file])).toEqual([
      ["anchor-unresolved", "docs/specs/cart.md"],
    ]);
    expect(result.files[0]?.content).toContain(result.findings[0]?.id ?? "missing id");
    expect(events).toEqual(["review-started", "review-finished"]);
  });
});
