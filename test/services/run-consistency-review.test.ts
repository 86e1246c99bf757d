import nock from "nock";
import { beforeAll, describe, expect, it } from "vitest";
import { createAnthropicModel } from "../../src/adapters/anthropic/create-anthropic-model.js";
import { builtinPromptsDir } from "../../src/adapters/local/builtin-prompts-dir.js";
import { TokenBudget } from "../../src/agents/token-budget.js";
import { findingId } from "../../src/core/checks/finding-id.js";
import type { LoadedPrompts } from "../../src/core/prompts/prompt-types.js";
import type { ModelPort } from "../../src/ports/model.js";
import {
  runConsistencyReview,
  type RunConsistencyReviewOptions,
} from "../../src/services/run-consistency-review.js";
import { loadPrompts } from "../../src/services/load-prompts.js";
import type { ProgressEvent } from "../../src/services/spec-engine.js";
import {
  ANTHROPIC_API,
  errorBody,
  mockMessages,
  type CapturedRequest,
  type ScriptedMessage,
} from "../helpers/anthropic-sse.js";
import { harborConfig, harborSnapshot, JOBS_SPEC, lineOf, WORKERS_SPEC } from "./review-fixtures.js";

const JOBS = "docs/specs/jobs.md";
const WORKERS = "docs/specs/workers.md";
const REVIEW = "docs/specs/consistency-review.md";
const RETRY_LINE = lineOf(JOBS_SPEC, "retried three times");
const DROP_LINE = lineOf(WORKERS_SPEC, "never retry");
const QUEUE_LINE = lineOf(JOBS_SPEC, "The queue itself");
/** Ids of the deterministic findings on the Harbor fixture (see review-fixtures.ts). */
const CITATION = "SW-0844e81e";
const LENGTH = "SW-34c6e383";

let prompts: LoadedPrompts;
beforeAll(async () => {
  prompts = await loadPrompts({ config: harborConfig(), builtinDir: builtinPromptsDir() });
});

const retries = {
  category: "contradiction",
  severity: "error",
  specs: [JOBS, WORKERS],
  subjects: ["Job retries"],
  evidence: [
    { file: JOBS, line: RETRY_LINE, quote: "Failed jobs are retried three times" },
    { file: WORKERS, line: DROP_LINE, quote: "workers never retry" },
  ],
  message: "jobs.md says failed jobs are retried three times; workers.md says they are dropped.",
  fix: "Decide who retries: keep the retry policy in jobs.md and make workers.md link to jobs.md §3.",
};
const queueXref = {
  category: "missing-xref",
  severity: "warning",
  specs: [JOBS, WORKERS],
  subjects: ["job queue"],
  evidence: [{ file: JOBS, line: QUEUE_LINE }],
  message: "jobs.md mentions the queue without linking to the section of workers.md that owns it",
  fix: "Link the sentence to workers.md §1.",
};

const report = (findings: unknown[], id?: string): ScriptedMessage => ({
  content: [
    { type: "text", text: "I have compared the specs." },
    { type: "tool_use", ...(id ? { id } : {}), name: "report_findings", input: { findings } },
  ],
  usage: { input_tokens: 400, output_tokens: 600, cache_read_input_tokens: 3000 },
});

function options(overrides: Partial<RunConsistencyReviewOptions> = {}) {
  const events: ProgressEvent[] = [];
  const config = harborConfig();
  const opts: RunConsistencyReviewOptions = {
    model: createAnthropicModel({ apiKey: "sk-ant-test-key-000000", maxRetries: 0 }),
    snapshot: harborSnapshot(),
    config,
    repoName: "harbor",
    prompts,
    budget: new TokenBudget(config.budgets.maxTokensPerJob),
    useModel: true,
    writtenFiles: [],
    onProgress: (event) => events.push(event),
    phase: 2,
    ...overrides,
  };
  return { opts, events };
}

type Body = {
  model: string;
  system: { type: string; text: string; cache_control?: unknown }[];
  messages: { role: string; content: string | Record<string, unknown>[] }[];
  tools: { name: string; input_schema: Record<string, unknown> }[];
};
const bodyOf = (requests: CapturedRequest[], i: number) => requests[i]?.body as unknown as Body;
const toolResults = (body: Body) => {
  const last = body.messages.at(-1);
  return Array.isArray(last?.content) ? last.content.filter((b) => b.type === "tool_result") : [];
};

describe("runConsistencyReview", () => {
  it("gives the model every spec and the deterministic findings, then merges its report with stable ids", async () => {
    const { scope, requests } = mockMessages([
      {
        content: [{ type: "tool_use", name: "read_file", input: { path: "src/jobs/schedule.ts" } }],
        usage: { input_tokens: 3500, output_tokens: 40, cache_creation_input_tokens: 3000 },
      },
      report([
        retries,
        // The same contradiction again, evidence in the other order, subjects in other case: same id.
        { ...retries, subjects: ["job retries"], evidence: [...retries.evidence].reverse() },
        // A depth imbalance on the spec `length` already reported.
        {
          category: "depth-imbalance",
          severity: "warning",
          specs: [WORKERS],
          subjects: ["workers spec depth"],
          evidence: [{ file: WORKERS, line: 1 }],
          message: "workers.md is far thinner than jobs.md.",
          fix: "Describe the worker loop and pool.",
        },
        queueXref,
      ]),
    ]);
    const { opts, events } = options();
    const result = await runConsistencyReview(opts);
    expect(scope.isDone()).toBe(true);

    const first = bodyOf(requests, 0);
    const system = first.system.map((b) => b.text).join("\n");
    expect(system).toContain("reviewing the system specs of the Harbor codebase");
    expect(system).toContain(`<document path="${JOBS}"`);
    expect(system).toContain(`<document path="${WORKERS}"`);
    expect(system).toContain("docs/specs/boundary-brief.md");
    expect(first.system.at(-1)?.cache_control).toEqual({ type: "ephemeral" });
    const message = first.messages[0]?.content;
    const text = typeof message === "string" ? message : message?.map((b) => b.text).join("");
    expect(text).toContain("Findings already reported by the deterministic checks (3)");
    expect(text).toMatch(/citation-missing docs\/specs\/workers\.md:5 — Cited path `src\/workers\/pool\.ts`/);
    expect(text).toContain("length docs/specs/workers.md:1");
    expect(first.tools.map((t) => t.name)).toEqual([
      "read_file",
      "list_directory",
      "search",
      "report_findings",
    ]);
    const schema = JSON.stringify(first.tools.at(-1)?.input_schema);
    expect(schema).toContain('"contradiction"');
    expect(schema).toContain('"depth-imbalance"');
    expect(toolResults(bodyOf(requests, 1))[0]).toMatchObject({ is_error: false });

    const ids = result.findings.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining([CITATION, LENGTH]));
    const llm = result.findings.filter((f) => f.rule === "contradiction" || f.rule === "missing-xref");
    expect(llm).toHaveLength(2);
    const contradiction = llm.find((f) => f.rule === "contradiction");
    expect(contradiction).toMatchObject({
      severity: "error",
      file: JOBS,
      line: RETRY_LINE,
      specs: [JOBS, WORKERS],
      subjects: ["job retries", JOBS, WORKERS],
    });
    expect(contradiction?.id).toBe(
      findingId({ rule: "contradiction", subjects: ["job retries", JOBS, WORKERS], file: JOBS }),
    );
    expect(contradiction?.message).toContain(
      `Evidence: ${JOBS}:${RETRY_LINE} ("Failed jobs are retried three times"); ${WORKERS}:${DROP_LINE}`,
    );
    expect(result.findings.some((f) => f.rule === "depth-imbalance")).toBe(false);
    expect(result.notes).toEqual([
      expect.stringMatching(
        /^Left out a second LLM finding with id SW-[0-9a-f]{8} \(contradiction on docs\/specs\/workers\.md:9\)/,
      ),
      `Left out the LLM finding depth-imbalance on ${WORKERS}:1: it repeats ${LENGTH} (length).`,
    ]);

    expect(result.file?.path).toBe(REVIEW);
    expect(result.file?.author).toBe("review");
    expect(result.file?.content).toContain(`\`${contradiction?.id}\``);
    expect(result.file?.content).toContain("## LLM review");
    expect(result.file?.content).toContain("4 findings reported, 2 added to this review");
    // The header says both parts ran, with the findings each contributed.
    expect(result.file?.content).toContain("- Deterministic checks: ran; 3 findings:");
    expect(result.file?.content).toMatch(/- LLM pass \([^)]+\): ran on `[^`]+`; 2 findings kept:/);
    expect(result.failures).toEqual([]);
    expect(result.record).toMatchObject({
      name: "consistency-review",
      phase: 2,
      specFile: REVIEW,
      status: "succeeded",
      turns: 2,
      usage: {
        inputTokens: 3900,
        outputTokens: 640,
        cacheReadInputTokens: 3000,
        cacheCreationInputTokens: 3000,
      },
      repairs: 0,
    });
    expect(result.record?.costUsd).toBeGreaterThan(0);
    expect(result.record?.filesRead).toEqual(expect.arrayContaining([JOBS, WORKERS, "src/jobs/schedule.ts"]));
    expect(events.map((e) => e.type)).toEqual([
      "review-started",
      "agent-started",
      "agent-turn",
      "agent-turn",
      "agent-finished",
      "review-finished",
    ]);
    expect(events.at(-1)).toEqual({ type: "review-finished", findings: result.findings.length });
  });

  it("sends zod problems of an invalid report back to the model and accepts the corrected one", async () => {
    const { scope, requests } = mockMessages([
      report(
        [
          { ...retries, category: "inconsistency" },
          { ...queueXref, evidence: [] },
        ],
        "toolu_bad_report",
      ),
      report([queueXref]),
    ]);
    const result = await runConsistencyReview(options().opts);
    expect(scope.isDone()).toBe(true);
    const [answer] = toolResults(bodyOf(requests, 1));
    expect(answer).toMatchObject({ tool_use_id: "toolu_bad_report", is_error: true });
    expect(answer?.content).toContain("Invalid input for report_findings");
    expect(answer?.content).toMatch(/- findings\.0\.category: /);
    expect(answer?.content).toMatch(/- findings\.1\.evidence: /);
    expect(result.record).toMatchObject({ status: "succeeded", turns: 2 });
    expect(result.findings.filter((f) => f.rule === "missing-xref")).toHaveLength(1);
  });

  it("drops findings with no verifiable evidence, downgrades partly verified ones and corrects moved quotes", async () => {
    const { scope } = mockMessages([
      report([
        { ...retries, evidence: [retries.evidence[0], { file: WORKERS, line: 400 }] },
        { ...queueXref, subjects: ["ghost"], evidence: [{ file: "docs/specs/ghost.md", line: 3 }] },
        { ...queueXref, evidence: [{ file: "jobs.md", line: 2, quote: "The queue itself is described" }] },
      ]),
    ]);
    const result = await runConsistencyReview(options().opts);
    expect(scope.isDone()).toBe(true);
    const contradiction = result.findings.find((f) => f.rule === "contradiction");
    expect(contradiction).toMatchObject({ severity: "warning", file: JOBS, line: RETRY_LINE });
    expect(contradiction?.message).not.toContain(":400");
    expect(result.findings.find((f) => f.rule === "missing-xref")).toMatchObject({
      file: JOBS,
      line: QUEUE_LINE,
    });
    expect(result.findings.some((f) => f.subjects.includes("ghost"))).toBe(false);
    expect(result.notes).toEqual([
      expect.stringContaining(
        `1 of 2 evidence references could not be verified (${WORKERS} has 9 lines, not 400)`,
      ),
      expect.stringMatching(
        /^Dropped missing-xref ".*": none of its evidence could be verified \(docs\/specs\/ghost\.md does not exist or is not text\)\.$/,
      ),
      expect.stringContaining(`${JOBS}:2 corrected to line ${QUEUE_LINE}`),
    ]);
    expect(result.notes[0]).toContain("severity lowered to warning");
    for (const note of result.notes) expect(result.file?.content).toContain(note);
  });

  it("keeps the deterministic review when the model fails, with the reason and a hint", async () => {
    const scope = nock(ANTHROPIC_API)
      .post("/v1/messages")
      .reply(529, errorBody("overloaded_error", "Overloaded"), { "content-type": "application/json" });
    const result = await runConsistencyReview(options().opts);
    expect(scope.isDone()).toBe(true);
    expect(result.findings.map((f) => f.id).sort()).toEqual([CITATION, LENGTH, "SW-087a99f7"].sort());
    expect(result.failures).toEqual([
      {
        message:
          "The LLM consistency review did not finish (Anthropic is overloaded (529) with retries turned off); the review lists the deterministic findings only.",
        hint: "Rerun later; the job can be retried safely.",
      },
    ]);
    expect(result.record).toMatchObject({ name: "consistency-review", status: "model-error", turns: 1 });
    expect(result.file?.content).toContain(CITATION);
    expect(result.file?.content).toContain("The LLM pass did not finish");
  });

  it.each([
    ["useModel is false", { useModel: false }, {}],
    ["systemSpecs.review.llm is false", {}, { review: { llm: false } }],
  ])("sends no request when %s", async (_name, overrides, systemSpecs) => {
    const scope = nock(ANTHROPIC_API).post("/v1/messages").reply(500, {});
    const model: ModelPort = {
      send: () => Promise.reject(new Error("the model must not be called")),
    };
    const result = await runConsistencyReview(
      options({ model, config: harborConfig(systemSpecs), ...overrides }).opts,
    );
    expect(scope.isDone()).toBe(false);
    expect(result.record).toBeUndefined();
    expect(result.failures).toEqual([]);
    expect(result.findings).toHaveLength(3);
    expect(result.file?.content).toContain("The LLM pass was not run");
    expect(result.file?.content).toMatch(/- LLM pass \([^)]+\): not run \(/);
  });

  it("reviews this run's written files on top of the snapshot", async () => {
    const fixed = WORKERS_SPEC.replace(" and the pool in `src/workers/pool.ts`", "");
    const { opts } = options({
      useModel: false,
      writtenFiles: [{ path: WORKERS, content: fixed, author: "workers" }],
    });
    const result = await runConsistencyReview(opts);
    expect(result.findings.map((f) => f.id)).not.toContain(CITATION);
    expect(result.findings.map((f) => f.id)).toContain(LENGTH);
  });

  it("skips the LLM pass with a note when there are no system specs", async () => {
    const model: ModelPort = { send: () => Promise.reject(new Error("the model must not be called")) };
    const { opts } = options({
      model,
      snapshot: harborSnapshot({}),
      config: harborConfig({ specsDir: "docs/empty", agents: [] }),
    });
    const result = await runConsistencyReview(opts);
    expect(result.record).toBeUndefined();
    expect(result.file?.path).toBe("docs/empty/consistency-review.md");
    expect(result.file?.content).toContain("There are no readable system specs in docs/empty/ to review");
  });
});
