import { describe, expect, it } from "vitest";
import { createAnthropicModel } from "../../src/adapters/anthropic/create-anthropic-model.js";
import type { Config } from "../../src/core/config/config-schema.js";
import { parseConfig } from "../../src/core/config/parse-config.js";
import type { WrittenFile } from "../../src/core/run/run-result.js";
import { createSpecEngine } from "../../src/services/create-spec-engine.js";
import type { ProgressEvent, SystemSpecsRequest } from "../../src/services/spec-engine.js";
import { createMemorySnapshot } from "../helpers/memory-snapshot.js";
import {
  ORBIT_AGENTS,
  ORBIT_BAD_SPEC,
  ORBIT_CONFIG,
  orbitFiles,
  orbitSpec,
  type OrbitAgent,
} from "../helpers/orbit-repo.js";
import {
  mockAgents,
  readFile,
  reportFindings,
  REVIEW,
  submitSpec,
  type MessagesBody,
  type ScriptedReply,
} from "../helpers/scripted-agents.js";

function config(extra = ""): Config {
  const parsed = parseConfig(`${ORBIT_CONFIG}${extra}`);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.config;
}

const engine = () =>
  createSpecEngine({ model: createAnthropicModel({ apiKey: "sk-ant-test-key-000000", maxRetries: 0 }) });

/** Reads its key file, then submits a valid spec. */
const happy = (name: OrbitAgent): ScriptedReply[] => [
  readFile(ORBIT_AGENTS[name].file),
  submitSpec(orbitSpec(name)),
];
const reads = (name: OrbitAgent, path: string): ScriptedReply[] => [
  readFile(path),
  submitSpec(orbitSpec(name)),
];

function request(
  overrides: Partial<SystemSpecsRequest> = {},
): SystemSpecsRequest & { events: ProgressEvent[] } {
  const events: ProgressEvent[] = [];
  return {
    snapshot: createMemorySnapshot(orbitFiles(), { sha: "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678" }),
    config: config(),
    repoName: "orbit/books",
    selection: { names: [], withDependents: false },
    onProgress: (e) => events.push(e),
    events,
    ...overrides,
  };
}

const systemOf = (body: MessagesBody) => body.system ?? [];
/** Paths of the spec documents in a request's system blocks, in order. */
const specPaths = (body: MessagesBody) =>
  systemOf(body)
    .filter((b) => b.text.includes('role="spec"'))
    .map((b) => /path="([^"]+)"/.exec(b.text)?.[1]);
const lastUserBlocks = (body: MessagesBody) => {
  const content = body.messages[body.messages.length - 1]?.content;
  return typeof content === "string" ? [{ type: "text", text: content }] : (content ?? []);
};

describe("createSpecEngine().generateSystemSpecs", () => {
  it("runs the phases, hands later agents the earlier specs, checkpoints each phase and writes the review", async () => {
    const log: string[] = [];
    const mock = mockAgents(
      {
        catalog: reads("catalog", "src/catalog/books.ts"),
        cart: reads("cart", "src/cart/cart.ts"),
        checkout: reads("checkout", "docs/specs/cart.md"),
        receipts: reads("receipts", "src/receipts/receipt.ts"),
        [REVIEW]: [reportFindings([])],
      },
      { onCall: (call) => log.push(`${call.agent}#${call.index}`) },
    );
    const checkpoints: { phase: number; files: string[] }[] = [];
    const req = request({
      onPhaseSettled: async (phase: number, files: readonly WrittenFile[]) => {
        checkpoints.push({ phase, files: files.map((f) => f.path) });
        await new Promise((r) => setTimeout(r, 20));
        log.push(`checkpoint ${phase} saved`);
      },
    });
    const result = await engine().generateSystemSpecs(req);

    expect(mock.scope.isDone()).toBe(true);
    expect(mock.remaining()).toEqual({});
    expect(result.failures).toEqual([]);
    expect(result.agents.map((a) => [a.name, a.status, a.turns, a.phase])).toEqual([
      ["catalog", "succeeded", 2, 1],
      ["cart", "succeeded", 2, 1],
      ["checkout", "succeeded", 2, 2],
      ["receipts", "succeeded", 2, 3],
      [REVIEW, "succeeded", 1, 4],
    ]);
    expect(result.files.map((f) => [f.path, f.author])).toEqual([
      ["docs/specs/catalog.md", "catalog"],
      ["docs/specs/cart.md", "cart"],
      ["docs/specs/checkout.md", "checkout"],
      ["docs/specs/receipts.md", "receipts"],
      ["docs/specs/consistency-review.md", "review"],
    ]);
    expect(result.files[0]?.content).toBe(orbitSpec("catalog"));
    expect(result.files[4]?.content).toMatch(/^# /);
    expect(checkpoints).toEqual([
      { phase: 1, files: ["docs/specs/catalog.md", "docs/specs/cart.md"] },
      { phase: 2, files: ["docs/specs/catalog.md", "docs/specs/cart.md", "docs/specs/checkout.md"] },
      {
        phase: 3,
        files: [
          "docs/specs/catalog.md",
          "docs/specs/cart.md",
          "docs/specs/checkout.md",
          "docs/specs/receipts.md",
        ],
      },
    ]);
    expect(result.commit).toBe("a1b2c3d4e5f60718293a4b5c6d7e8f9012345678");
    expect(result.usage.inputTokens).toBe(9 * 100);
    expect(result.costUsd).toBeGreaterThan(0);
    expect(result.agents[0]?.filesRead).toEqual(["src/catalog/books.ts"]);

    // The phase-2 agent's prefix carries both phase-1 specs, exactly as they were submitted.
    const checkout = mock.of("checkout")[0]?.body as MessagesBody;
    const texts = systemOf(checkout).map((b) => b.text);
    expect(texts).toContain(
      `<document path="docs/specs/cart.md" role="spec">\n${orbitSpec("cart").trimEnd()}\n</document>`,
    );
    expect(texts.some((t) => t.includes(orbitSpec("catalog").trimEnd()))).toBe(true);
    expect(texts.some((t) => t.includes("docs/specs/receipts.md"))).toBe(false);
    // …and its read_file of a phase-1 spec returns this run's text, not the commit's (there is none).
    const toolResult = lastUserBlocks(mock.of("checkout")[1]?.body as MessagesBody)[0];
    expect(toolResult?.content).toContain("Add to cart");
    // The phase-3 agent gets every spec of phases 1 and 2 (it reads only checkout's), in path order.
    const receiptsTexts = systemOf(mock.of("receipts")[0]?.body as MessagesBody).map((b) => b.text);
    expect(specPaths(mock.of("receipts")[0]?.body as MessagesBody)).toEqual([
      "docs/specs/cart.md",
      "docs/specs/catalog.md",
      "docs/specs/checkout.md",
    ]);
    expect(receiptsTexts).toContain(
      `<document path="docs/specs/checkout.md" role="spec">\n${orbitSpec("checkout").trimEnd()}\n</document>`,
    );
    // Dependencies first, and no agent starts while a checkpoint is being saved.
    expect(log.indexOf("checkout#0")).toBeGreaterThan(
      Math.max(log.indexOf("catalog#1"), log.indexOf("cart#1")),
    );
    expect(log.indexOf("checkout#0")).toBe(log.indexOf("checkpoint 1 saved") + 1);
    expect(log.indexOf("receipts#0")).toBe(log.indexOf("checkpoint 2 saved") + 1);
    expect(log.indexOf(`${REVIEW}#0`)).toBe(log.indexOf("checkpoint 3 saved") + 1);

    const types = req.events.map((e) => e.type);
    expect(types.filter((t) => t === "agent-queued")).toHaveLength(4);
    expect(req.events.filter((e) => e.type === "phase-settled").map((e) => "phase" in e && e.phase)).toEqual([
      1, 2, 3,
    ]);
    expect(types.indexOf("review-started")).toBeGreaterThan(types.lastIndexOf("phase-settled"));
    expect(types.at(-1)).toBe("review-finished");
    expect(req.events.filter((e) => e.type === "agent-turn" && e.agent === "cart")).toHaveLength(2);
  });

  it("sends every agent of a run the byte-identical cached prefix", async () => {
    const mock = mockAgents({
      catalog: happy("catalog"),
      cart: happy("cart"),
      checkout: happy("checkout"),
      receipts: happy("receipts"),
    });
    const result = await engine().generateSystemSpecs(request({ review: false }));
    expect(mock.scope.isDone()).toBe(true);
    expect(result.agents.every((a) => a.status === "succeeded")).toBe(true);

    const firsts = ["catalog", "cart", "checkout", "receipts"].map(
      (a) => mock.of(a)[0]?.body as MessagesBody,
    );
    const shared = firsts.map((b) => JSON.stringify(systemOf(b).slice(0, 4)));
    expect(new Set(shared).size).toBe(1);
    expect(systemOf(firsts[0] as MessagesBody).map((b) => b.cache_control !== undefined)).toEqual([
      false,
      false,
      false,
      true,
    ]);
    // Later phases: the shared breakpoint plus one after the last earlier spec.
    expect(systemOf(firsts[2] as MessagesBody).map((b) => b.cache_control !== undefined)).toEqual([
      false,
      false,
      false,
      true,
      false,
      true,
    ]);
    expect(systemOf(firsts[3] as MessagesBody).map((b) => b.cache_control !== undefined)).toEqual([
      false,
      false,
      false,
      true,
      false,
      false,
      true,
    ]);
    // The phase-3 prefix extends the phase-2 prefix block for block (so it starts from its cache).
    const texts = (b: MessagesBody) => systemOf(b).map((block) => block.text);
    expect(texts(firsts[3] as MessagesBody).slice(0, 6)).toEqual(texts(firsts[2] as MessagesBody));
    // Tools come before the system prompt in the cache order: identical too, breakpoint on the last one.
    expect(new Set(firsts.map((b) => JSON.stringify(b.tools))).size).toBe(1);
    expect(firsts[0]?.tools?.map((t) => [t.name, t.cache_control !== undefined])).toEqual([
      ["read_file", false],
      ["list_directory", false],
      ["search", false],
      ["submit_spec", true],
    ]);
    // An agent's second turn repeats its system prompt unchanged (it reads it from cache).
    for (const agent of ["catalog", "checkout"]) {
      const [first, second] = mock.of(agent);
      expect(JSON.stringify(second?.body.system)).toBe(JSON.stringify(first?.body.system));
    }
    // The assignment states the agent's target length and limits (from the config's budgets).
    const assignment = JSON.stringify(firsts[2]?.messages[0]?.content);
    expect(assignment).toContain("**Target length:** 12–200 lines.");
    expect(assignment).toContain("**Your limits:** at most 40 turns");
    expect(assignment).toContain("1,500,000 input tokens over all turns, and 64,000 output tokens");
    // Nothing agent-specific in the shared blocks.
    expect(shared[0]).not.toContain("docs/specs/catalog.md");
    expect(shared[0]).not.toContain("You are the");
    expect(shared[0]).not.toContain("Write the system spec");
  });

  it("gives the agents of one phase byte-identical system blocks with every earlier-phase spec", async () => {
    // receipts moves to phase 2 next to checkout, reading only cart's spec.
    const twoInPhase2 = config().systemSpecs.agents.map((a) =>
      a.name === "receipts" ? { ...a, phase: 2, reads: ["docs/specs/cart.md"] } : a,
    );
    const base = config();
    const mock = mockAgents({
      catalog: happy("catalog"),
      cart: happy("cart"),
      checkout: happy("checkout"),
      receipts: happy("receipts"),
    });
    const result = await engine().generateSystemSpecs(
      request({
        review: false,
        config: { ...base, systemSpecs: { ...base.systemSpecs, agents: twoInPhase2 } },
      }),
    );
    expect(mock.scope.isDone()).toBe(true);
    expect(result.agents.map((a) => [a.name, a.phase, a.status])).toEqual([
      ["catalog", 1, "succeeded"],
      ["cart", 1, "succeeded"],
      ["checkout", 2, "succeeded"],
      ["receipts", 2, "succeeded"],
    ]);
    const checkout = mock.of("checkout")[0]?.body as MessagesBody;
    const receipts = mock.of("receipts")[0]?.body as MessagesBody;
    expect(JSON.stringify(receipts.system)).toBe(JSON.stringify(checkout.system));
    expect(specPaths(receipts)).toEqual(["docs/specs/cart.md", "docs/specs/catalog.md"]);
    // receipts does not read catalog's spec, and still gets it: it is the phase's shared context.
    expect(systemOf(receipts).some((b) => b.text.includes(orbitSpec("catalog").trimEnd()))).toBe(true);
  });

  it("gives a later agent the commit's specs of earlier-phase agents that are not selected", async () => {
    const files = {
      ...orbitFiles(),
      "docs/specs/catalog.md": orbitSpec("catalog"),
      "docs/specs/cart.md": orbitSpec("cart"),
      "docs/specs/checkout.md": orbitSpec("checkout"),
    };
    const mock = mockAgents({ receipts: happy("receipts") });
    const result = await engine().generateSystemSpecs(
      request({
        review: false,
        snapshot: createMemorySnapshot(files, { sha: "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678" }),
        selection: { names: ["receipts"], withDependents: false },
      }),
    );
    expect(mock.scope.isDone()).toBe(true);
    expect(result.agents.map((a) => [a.name, a.status])).toEqual([["receipts", "succeeded"]]);
    expect(specPaths(mock.of("receipts")[0]?.body as MessagesBody)).toEqual([
      "docs/specs/cart.md",
      "docs/specs/catalog.md",
      "docs/specs/checkout.md",
    ]);
  });

  it("skips the dependents of a failing agent, finishes the others and publishes only passing specs", async () => {
    const mock = mockAgents({
      // Repaired after one failed submission.
      catalog: [submitSpec(ORBIT_BAD_SPEC), submitSpec(orbitSpec("catalog"))],
      // Never repaired: 1 submission + 2 repair rounds, all failing.
      cart: [submitSpec(ORBIT_BAD_SPEC), submitSpec(ORBIT_BAD_SPEC), submitSpec(ORBIT_BAD_SPEC)],
    });
    const checkpoints: [number, string[]][] = [];
    const req = request({
      review: false,
      onPhaseSettled: async (phase: number, files: readonly WrittenFile[]) => {
        checkpoints.push([phase, files.map((f) => f.path)]);
      },
    });
    const result = await engine().generateSystemSpecs(req);
    expect(mock.scope.isDone()).toBe(true);

    const byName = Object.fromEntries(result.agents.map((a) => [a.name, a]));
    expect(byName.catalog?.status).toBe("succeeded");
    expect(byName.catalog?.repairs).toBe(1);
    expect(byName.cart?.status).toBe("failed-validation");
    expect(byName.cart?.repairs).toBe(2);
    expect(byName.cart?.reason).toBe("The submission still fails 3 checks after 2 repair rounds.");
    expect(byName.cart?.findings.filter((f) => f.severity === "error").map((f) => f.rule)).toEqual([
      "template-section",
      "citation-missing",
      "template-section",
    ]);
    expect(
      byName.cart?.findings.every((f) => f.file === "docs/specs/cart.md" && /^SW-[0-9a-f]{8}$/.test(f.id)),
    ).toBe(true);
    expect(byName.checkout).toMatchObject({
      status: "skipped",
      reason: 'Depends on "cart", which failed.',
      turns: 0,
    });
    expect(byName.receipts).toMatchObject({
      status: "skipped",
      reason: 'Depends on "checkout", which was skipped.',
    });
    expect(result.files.map((f) => f.path)).toEqual(["docs/specs/catalog.md"]);
    expect(checkpoints).toEqual([
      [1, ["docs/specs/catalog.md"]],
      [2, ["docs/specs/catalog.md"]],
      [3, ["docs/specs/catalog.md"]],
    ]);
    // The failed checks went back to the model as the tool result, naming the problems.
    const repair = lastUserBlocks(mock.of("cart")[1]?.body as MessagesBody)[0] as {
      content?: string;
      is_error?: boolean;
    };
    expect(repair.is_error).toBe(true);
    expect(repair.content).toContain("src/catalog/inventory.ts");
    expect(repair.content).toContain("2. File Tree");
    const finished = req.events
      .filter((e) => e.type === "agent-finished")
      .map((e) => "status" in e && [e.agent, e.status]);
    expect(finished).toContainEqual(["checkout", "skipped"]);
    expect(finished).toContainEqual(["receipts", "skipped"]);
  });

  it("stops every agent once the job's token budget is spent", async () => {
    const mock = mockAgents({
      catalog: [
        readFile("src/catalog/books.ts"),
        submitSpec(orbitSpec("catalog"), { input_tokens: 39_900, output_tokens: 100 }),
      ],
    });
    const req = request({
      review: false,
      config: config("budgets: { maxTokensPerJob: 40000, maxOutputTokensPerAgent: 4000 }\nconcurrency: 1\n"),
    });
    const result = await engine().generateSystemSpecs(req);
    expect(mock.scope.isDone()).toBe(true);
    expect(mock.calls.map((c) => c.agent)).toEqual(["catalog", "catalog"]);
    expect(result.agents.map((a) => [a.name, a.status])).toEqual([
      ["catalog", "succeeded"],
      ["cart", "budget-exhausted"],
      ["checkout", "skipped"],
      ["receipts", "skipped"],
    ]);
    expect(result.agents[1]?.reason).toMatch(
      /^The job's token budget has no room for another turn \(40,?\d{3} used/,
    );
    expect(result.agents[1]?.hint).toBe("Raise budgets.maxTokensPerJob, or run fewer agents.");
    expect(result.files.map((f) => f.path)).toEqual(["docs/specs/catalog.md"]);
  });

  it("skips the remaining agents when the job is cancelled", async () => {
    const controller = new AbortController();
    const mock = mockAgents({ catalog: happy("catalog"), cart: happy("cart") });
    const req = request({
      signal: controller.signal,
      onPhaseSettled: async () => controller.abort(),
    });
    const result = await engine().generateSystemSpecs(req);
    expect(mock.scope.isDone()).toBe(true);
    expect(result.agents.map((a) => [a.name, a.status, a.reason])).toEqual([
      ["catalog", "succeeded", undefined],
      ["cart", "succeeded", undefined],
      ["checkout", "skipped", "The job was cancelled before this agent started."],
      ["receipts", "skipped", 'Depends on "checkout", which failed.'],
    ]);
    expect(result.failures).toEqual([{ message: "The job was cancelled before the consistency review." }]);
    expect(result.files.map((f) => f.path)).toEqual(["docs/specs/catalog.md", "docs/specs/cart.md"]);
  });

  it.each([
    [
      "an unknown agent",
      { selection: { names: ["checkuot"], withDependents: false } },
      'No agent is named "checkuot". Did you mean "checkout"?',
    ],
    [
      "a key file that does not exist",
      { config: withKeyFile(config(), "src/catalog/missing.ts") },
      'Agent "catalog" lists key file src/catalog/missing.ts, which does not exist at this commit.',
    ],
  ])("reports %s in the plan without calling the model", async (_what, overrides, message) => {
    const result = await engine().generateSystemSpecs(request(overrides as Partial<SystemSpecsRequest>));
    expect(result.agents).toEqual([]);
    expect(result.files).toEqual([]);
    expect(result.failures.map((f) => f.message).join("\n")).toContain(message);
    expect(result.failures[0]?.hint).toContain("specwright plan");
  });
});

function withKeyFile(base: Config, path: string): Config {
  const [first, ...rest] = base.systemSpecs.agents;
  if (!first) return base;
  return {
    ...base,
    systemSpecs: {
      ...base.systemSpecs,
      agents: [{ ...first, keyFiles: [...first.keyFiles, path] }, ...rest],
    },
  };
}
