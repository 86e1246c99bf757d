import nock from "nock";
import { describe, expect, it } from "vitest";
import { createAnthropicModel } from "../../src/adapters/anthropic/create-anthropic-model.js";
import type { AgentProgressEvent, RunAgentOptions } from "../../src/agents/agent-types.js";
import { runAgent } from "../../src/agents/run-agent.js";
import { TokenBudget } from "../../src/agents/token-budget.js";
import { createRepoTools } from "../../src/agents/tools/create-repo-tools.js";
import { defineSubmissionTool } from "../../src/agents/tools/submission-tool.js";
import { z } from "zod";
import type { FindingDraft } from "../../src/core/checks/types.js";
import { ANTHROPIC_API, errorBody, mockMessages, type ScriptedMessage } from "../helpers/anthropic-sse.js";
import { createMemorySnapshot } from "../helpers/memory-snapshot.js";

const SPEC_PATH = "docs/specs/sessions.md";
const GOOD_SPEC = [
  "# Sessions & Gateway",
  "## 1. Overview",
  "The gateway starts in `src/gateway/server.ts:startGateway`.",
  "## 3. File Tree",
  "```",
  "src/gateway/server.ts",
  "```",
].join("\n");
const BAD_SPEC = "# Sessions & Gateway\n## 1. Overview\nThe gateway starts somewhere.";

const SERVER_TS =
  "import http from 'node:http';\nexport function startGateway(port: number) {\n  return http.createServer().listen(port);\n}\n";
const snapshot = createMemorySnapshot({
  "src/gateway/server.ts": SERVER_TS,
  "src/gateway/routes/sessions.ts": "export const SESSION_TTL = 3600;\n",
  "README.md": "# Widgets\n",
});

/** A small validator in the shape of the #3 rules: a missing section is an error, a short spec a warning. */
function validate(markdown: string): FindingDraft[] {
  const findings: FindingDraft[] = [];
  if (!markdown.includes("## 3. File Tree")) {
    findings.push({
      rule: "template-section",
      severity: "error",
      file: SPEC_PATH,
      line: undefined,
      message: 'Missing section "3. File Tree".',
      subjects: ["3. File Tree"],
      specs: [SPEC_PATH],
      fix: 'Add a "## 3. File Tree" section listing the files the spec covers.',
    });
  }
  if (!markdown.includes("src/gateway/server.ts")) {
    findings.push({
      rule: "citation-missing",
      severity: "error",
      file: SPEC_PATH,
      line: 3,
      message: "Behavioural claim without a cited file path.",
      subjects: ["line 3"],
      specs: [SPEC_PATH],
      fix: "Cite the file that implements it, e.g. `src/gateway/server.ts`.",
    });
  }
  findings.push({
    rule: "length",
    severity: "warning",
    file: SPEC_PATH,
    line: undefined,
    message: `The spec has ${markdown.split("\n").length} lines; the target is 300-600.`,
    subjects: [SPEC_PATH],
    specs: [SPEC_PATH],
    fix: "Expand the thin sections.",
  });
  return findings;
}

const submit = (markdown: string): ScriptedMessage["content"][number] => ({
  type: "tool_use",
  name: "submit_spec",
  input: { markdown },
});

function setup(script: ScriptedMessage[], overrides: Partial<RunAgentOptions> = {}) {
  const mocked = mockMessages(script);
  const repo = createRepoTools(snapshot);
  const validated: string[] = [];
  const events: AgentProgressEvent[] = [];
  const options: RunAgentOptions = {
    model: createAnthropicModel({ apiKey: "sk-ant-test-key-000000", maxRetries: 0 }),
    request: {
      model: "claude-sonnet-5-5",
      system: [
        { text: "You write system specs for the widgets repository.", cache: false },
        { text: "Boundary brief, template and registry (shared by every agent).", cache: true },
      ],
      firstMessage: "Write docs/specs/sessions.md: the Sessions & Gateway spec.",
      maxTokens: 4000,
    },
    tools: repo.tools,
    filesRead: repo.filesRead,
    limits: { maxTurns: 10, maxInputTokens: 1_000_000, maxOutputTokens: 64_000 },
    budget: new TokenBudget(10_000_000),
    validate: (markdown) => {
      validated.push(markdown);
      return validate(markdown);
    },
    repairRounds: 2,
    onProgress: (event) => events.push(event),
    ...overrides,
  };
  return { ...mocked, options, validated, events };
}

type Body = {
  messages: { role: string; content: unknown }[];
  max_tokens: number;
  system: unknown[];
  tools: { name: string; cache_control?: unknown }[];
};
const bodyOf = (requests: { body: Record<string, unknown> }[], i: number) =>
  requests[i]?.body as unknown as Body;
const lastMessage = (body: Body) => body.messages[body.messages.length - 1];

describe("runAgent", () => {
  it("runs tool_use → tool_result rounds and accepts a valid spec", async () => {
    const { scope, requests, options, events } = setup([
      {
        content: [
          { type: "text", text: "Let me look at the gateway." },
          { type: "tool_use", id: "toolu_read", name: "read_file", input: { path: "src/gateway/server.ts" } },
          {
            type: "tool_use",
            id: "toolu_list",
            name: "list_directory",
            input: { path: "src/gateway", depth: 1 },
          },
        ],
        usage: { input_tokens: 900, output_tokens: 120, cache_creation_input_tokens: 2000 },
      },
      {
        content: [submit(GOOD_SPEC)],
        usage: { input_tokens: 400, output_tokens: 700, cache_read_input_tokens: 2600 },
      },
    ]);

    const result = await runAgent(options);

    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({
      status: "succeeded",
      markdown: GOOD_SPEC,
      turns: 2,
      submissions: 1,
      filesRead: ["src/gateway/server.ts"],
      usage: {
        inputTokens: 1300,
        outputTokens: 820,
        cacheReadInputTokens: 2600,
        cacheCreationInputTokens: 2000,
      },
    });
    expect(result.findings.map((f) => f.severity)).toEqual(["warning"]);
    expect(result.error).toBeUndefined();

    const second = bodyOf(requests, 1);
    expect(second.messages).toHaveLength(3);
    expect(second.messages[1]).toEqual({
      role: "assistant",
      content: [
        { type: "text", text: "Let me look at the gateway." },
        { type: "tool_use", id: "toolu_read", name: "read_file", input: { path: "src/gateway/server.ts" } },
        {
          type: "tool_use",
          id: "toolu_list",
          name: "list_directory",
          input: { path: "src/gateway", depth: 1 },
        },
      ],
    });
    expect(lastMessage(second)).toEqual({
      role: "user",
      content: [
        {
          type: "tool_result",
          tool_use_id: "toolu_read",
          is_error: false,
          content:
            "File: src/gateway/server.ts (lines 1-4 of 4)\n1\timport http from 'node:http';\n2\texport function startGateway(port: number) {\n3\t  return http.createServer().listen(port);\n4\t}",
        },
        {
          type: "tool_result",
          tool_use_id: "toolu_list",
          is_error: false,
          content:
            "Directory: src/gateway (2 files, 153 B; depth 1)\nroutes/  (1 file, 33 B)\nserver.ts  120 B",
          cache_control: { type: "ephemeral" },
        },
      ],
    });
    expect(events.map((e) => e.type).filter((t) => t !== "text")).toEqual([
      "turn-started",
      "turn-finished",
      "tool-called",
      "tool-called",
      "turn-started",
      "turn-finished",
      "submitted",
      "finished",
    ]);
    expect(
      events
        .filter((e): e is Extract<AgentProgressEvent, { type: "text" }> => e.type === "text")
        .map((e) => e.delta)
        .join(""),
    ).toBe("Let me look at the gateway.");
  });

  it("puts cache breakpoints on the shared system prefix, the last tool and the newest user block only", async () => {
    const { scope, requests, options } = setup([
      { content: [{ type: "tool_use", name: "search", input: { pattern: "SESSION_TTL" } }] },
      { content: [submit(GOOD_SPEC)] },
    ]);
    await runAgent(options);
    expect(scope.isDone()).toBe(true);
    const first = bodyOf(requests, 0);
    expect(first.system).toEqual([
      { type: "text", text: "You write system specs for the widgets repository." },
      {
        type: "text",
        text: "Boundary brief, template and registry (shared by every agent).",
        cache_control: { type: "ephemeral" },
      },
    ]);
    expect(first.tools.map((t) => [t.name, t.cache_control])).toEqual([
      ["read_file", undefined],
      ["list_directory", undefined],
      ["search", undefined],
      ["submit_spec", { type: "ephemeral" }],
    ]);
    expect(first.messages).toEqual([
      {
        role: "user",
        content: [
          {
            type: "text",
            text: "Write docs/specs/sessions.md: the Sessions & Gateway spec.",
            cache_control: { type: "ephemeral" },
          },
        ],
      },
    ]);
    const second = bodyOf(requests, 1);
    expect(second.messages[0]).toEqual({
      role: "user",
      content: [{ type: "text", text: "Write docs/specs/sessions.md: the Sessions & Gateway spec." }],
    });
    expect(JSON.stringify(second.messages).match(/cache_control/g)).toHaveLength(1);
    expect(second.system).toEqual(first.system);
    expect(second.tools).toEqual(first.tools);
  });

  it("sends failing checks back and accepts the repaired spec", async () => {
    const { scope, requests, options, validated } = setup([
      {
        content: [{ type: "tool_use", id: "toolu_sub1", name: "submit_spec", input: { markdown: BAD_SPEC } }],
      },
      { content: [{ type: "text", text: "Fixing both problems." }, submit(GOOD_SPEC)] },
    ]);

    const result = await runAgent(options);

    expect(scope.isDone()).toBe(true);
    expect(validated).toEqual([BAD_SPEC, GOOD_SPEC]);
    expect(result).toMatchObject({ status: "succeeded", markdown: GOOD_SPEC, submissions: 2, turns: 2 });
    expect(lastMessage(bodyOf(requests, 1))).toEqual({
      role: "user",
      content: [
        {
          type: "tool_result",
          tool_use_id: "toolu_sub1",
          is_error: true,
          cache_control: { type: "ephemeral" },
          content: [
            "The submission was not accepted: 2 checks failed (repair round 1 of 2).",
            '- [template-section]: Missing section "3. File Tree". Fix: Add a "## 3. File Tree" section listing the files the spec covers.',
            "- [citation-missing] line 3: Behavioural claim without a cited file path. Fix: Cite the file that implements it, e.g. `src/gateway/server.ts`.",
            "(1 warning/info finding not listed; they do not block acceptance.)",
            "Fix every problem listed, then call submit_spec again with the whole corrected submission.",
          ].join("\n"),
        },
      ],
    });
  });

  it("stops with failed-validation after the last repair round, keeping the markdown and findings", async () => {
    const { scope, requests, options } = setup(
      [{ content: [submit(BAD_SPEC)] }, { content: [submit(`${BAD_SPEC}\nMore words.`)] }],
      { repairRounds: 1 },
    );

    const result = await runAgent(options);

    expect(scope.isDone()).toBe(true);
    expect(requests).toHaveLength(2);
    expect(result.status).toBe("failed-validation");
    expect(result.markdown).toBe(`${BAD_SPEC}\nMore words.`);
    expect(result.findings.filter((f) => f.severity === "error").map((f) => f.rule)).toEqual([
      "template-section",
      "citation-missing",
    ]);
    expect(result.error).toEqual({
      message: "The submission still fails 2 checks after 1 repair round.",
      hint: "Do not publish it: see the findings, then rerun the agent or raise budgets.repairRounds.",
    });
  });

  it("refuses a path-traversal tool call without reading anything", async () => {
    const { scope, requests, options } = setup([
      {
        content: [
          { type: "tool_use", id: "toolu_evil", name: "read_file", input: { path: "../../../etc/passwd" } },
        ],
      },
      { content: [submit(GOOD_SPEC)] },
    ]);

    const result = await runAgent(options);

    expect(scope.isDone()).toBe(true);
    expect(result.status).toBe("succeeded");
    expect(result.filesRead).toEqual([]);
    const content = lastMessage(bodyOf(requests, 1))?.content as {
      tool_use_id: string;
      is_error: boolean;
      content: string;
    }[];
    expect(content).toHaveLength(1);
    expect(content[0]).toMatchObject({ tool_use_id: "toolu_evil", is_error: true });
    expect(content[0]?.content).toMatch(
      /^refused: path leaves the repository \(Refused path "\.\.\/\.\.\/\.\.\/etc\/passwd": /,
    );
  });

  it("answers unknown tools and invalid submit_spec input with error results", async () => {
    const { scope, requests, options } = setup([
      {
        content: [
          { type: "tool_use", id: "toolu_x", name: "write_file", input: { path: "a" } },
          { type: "tool_use", id: "toolu_y", name: "submit_spec", input: { markdown: "   " } },
        ],
      },
      { content: [submit(GOOD_SPEC)] },
    ]);
    const result = await runAgent(options);
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({ status: "succeeded", submissions: 1 });
    expect(lastMessage(bodyOf(requests, 1))?.content).toEqual([
      {
        type: "tool_result",
        tool_use_id: "toolu_x",
        is_error: true,
        content:
          'Unknown tool "write_file". Available tools: read_file, list_directory, search, submit_spec.',
      },
      {
        type: "tool_result",
        tool_use_id: "toolu_y",
        is_error: true,
        content: "Invalid input for submit_spec:\n- markdown: the spec is empty",
        cache_control: { type: "ephemeral" },
      },
    ]);
  });

  it("stops at max turns", async () => {
    const browse: ScriptedMessage = { content: [{ type: "tool_use", name: "list_directory", input: {} }] };
    const { scope, requests, options } = setup([browse, browse], {
      limits: { maxTurns: 2, maxInputTokens: 1_000_000, maxOutputTokens: 64_000 },
    });
    const result = await runAgent(options);
    expect(scope.isDone()).toBe(true);
    expect(requests).toHaveLength(2);
    expect(result).toMatchObject({
      status: "max-turns",
      turns: 2,
      error: { message: "Stopped after 2 turns without an accepted spec." },
    });
    expect(result.markdown).toBeUndefined();
  });

  it("stops when the job's shared budget has no room, and a second agent on it does not start", async () => {
    const budget = new TokenBudget(21_000);
    const { scope, requests, options } = setup(
      [
        {
          content: [{ type: "tool_use", name: "list_directory", input: {} }],
          usage: { input_tokens: 2000, output_tokens: 500, cache_read_input_tokens: 10_000 },
        },
      ],
      { budget, request: { ...setup([]).options.request, maxTokens: 9000 } },
    );

    const result = await runAgent(options);

    expect(scope.isDone()).toBe(true);
    expect(requests).toHaveLength(1);
    expect(result.status).toBe("budget-exhausted");
    expect(result.error?.message).toBe(
      "The job's token budget has no room for another turn (12500 used, 0 in flight, limit 21000).",
    );
    expect(budget.used).toBe(12_500);
    expect(budget.reserved).toBe(0);

    const second = await runAgent({ ...options, filesRead: () => [] });
    expect(second).toMatchObject({ status: "budget-exhausted", turns: 0 });
  });

  it("stops at the per-agent input limit", async () => {
    const { scope, requests, options } = setup(
      [
        {
          content: [{ type: "tool_use", name: "list_directory", input: {} }],
          usage: { input_tokens: 1000, cache_read_input_tokens: 4000, output_tokens: 100 },
        },
      ],
      { limits: { maxTurns: 10, maxInputTokens: 9000, maxOutputTokens: 64_000 } },
    );
    const result = await runAgent(options);
    expect(scope.isDone()).toBe(true);
    expect(requests).toHaveLength(1);
    expect(result.status).toBe("input-limit");
    expect(result.error?.message).toMatch(
      /^The agent has used 5000 input tokens; the next turn \(about \d+\) would pass its limit of 9000\.$/,
    );
  });

  it("lowers max_tokens near the output limit and stops when too little is left", async () => {
    const { scope, requests, options } = setup(
      [
        {
          content: [{ type: "tool_use", name: "list_directory", input: {} }],
          usage: { output_tokens: 2500 },
        },
        {
          content: [{ type: "tool_use", name: "list_directory", input: {} }],
          usage: { output_tokens: 1000 },
        },
      ],
      { limits: { maxTurns: 10, maxInputTokens: 1_000_000, maxOutputTokens: 4000 } },
    );
    const result = await runAgent(options);
    expect(scope.isDone()).toBe(true);
    expect(requests.map((r) => (r.body as unknown as Body).max_tokens)).toEqual([4000, 1500]);
    expect(result).toMatchObject({ status: "output-limit", usage: { outputTokens: 3500 } });
  });

  it("nudges once when the model stops without submitting, then gives up", async () => {
    const { scope, requests, options } = setup([
      {
        content: [{ type: "text", text: "# Sessions & Gateway\nHere is the spec…" }],
        stopReason: "end_turn",
      },
      { content: [{ type: "text", text: "I have nothing to add." }], stopReason: "end_turn" },
    ]);
    const result = await runAgent(options);
    expect(scope.isDone()).toBe(true);
    const nudge = lastMessage(bodyOf(requests, 1));
    expect(nudge).toMatchObject({
      role: "user",
      content: [{ type: "text", cache_control: { type: "ephemeral" } }],
    });
    expect(JSON.stringify(nudge)).toContain("You ended your turn without calling submit_spec.");
    expect(result).toMatchObject({ status: "no-submission", turns: 2 });
  });

  it("accepts a spec submitted after the nudge", async () => {
    const { scope, options } = setup([
      { content: [{ type: "text", text: "Done reading." }] },
      { content: [submit(GOOD_SPEC)] },
    ]);
    expect(await runAgent(options)).toMatchObject({ status: "succeeded", turns: 2 });
    expect(scope.isDone()).toBe(true);
  });

  it("does not run a tool call cut off by max_tokens and asks for it again", async () => {
    const { scope, requests, options, validated } = setup([
      {
        content: [
          { type: "text", text: "Submitting." },
          { type: "tool_use", id: "toolu_cut", name: "submit_spec", input: { markdown: GOOD_SPEC } },
        ],
        stopReason: "max_tokens",
        truncateLastToolInput: true,
      },
      { content: [submit(GOOD_SPEC)] },
    ]);
    const result = await runAgent(options);
    expect(scope.isDone()).toBe(true);
    expect(validated).toEqual([GOOD_SPEC]);
    expect(result).toMatchObject({ status: "succeeded", submissions: 1 });
    const [toolResult] = lastMessage(bodyOf(requests, 1))?.content as {
      tool_use_id: string;
      is_error: boolean;
      content: string;
    }[];
    expect(toolResult).toMatchObject({ tool_use_id: "toolu_cut", is_error: true });
    expect(toolResult?.content).toMatch(
      /^This submit_spec call was cut off at the output limit of 4000 tokens/,
    );
  });

  it("asks to continue after a text reply cut off by max_tokens", async () => {
    const { scope, requests, options } = setup([
      { content: [{ type: "text", text: "The gateway is" }], stopReason: "max_tokens" },
      { content: [submit(GOOD_SPEC)] },
    ]);
    expect(await runAgent(options)).toMatchObject({ status: "succeeded" });
    expect(scope.isDone()).toBe(true);
    expect(JSON.stringify(lastMessage(bodyOf(requests, 1)))).toContain(
      "Your reply was cut off at the output limit of 4000 tokens.",
    );
  });

  it("echoes thinking blocks back with the tool results", async () => {
    const { scope, requests, options } = setup([
      {
        content: [
          { type: "thinking", thinking: "The router lives under src/gateway.", signature: "sig-7" },
          { type: "tool_use", id: "toolu_t", name: "list_directory", input: { path: "src" } },
        ],
      },
      { content: [submit(GOOD_SPEC)] },
    ]);
    expect(await runAgent(options)).toMatchObject({ status: "succeeded" });
    expect(scope.isDone()).toBe(true);
    expect(bodyOf(requests, 1).messages[1]).toEqual({
      role: "assistant",
      content: [
        { type: "thinking", thinking: "The router lives under src/gateway.", signature: "sig-7" },
        { type: "tool_use", id: "toolu_t", name: "list_directory", input: { path: "src" } },
      ],
    });
  });

  it("continues a paused turn by sending the conversation again", async () => {
    const { scope, requests, options } = setup([
      { content: [{ type: "text", text: "Still working through the gateway…" }], stopReason: "pause_turn" },
      { content: [submit(GOOD_SPEC)] },
    ]);
    expect(await runAgent(options)).toMatchObject({ status: "succeeded", turns: 2 });
    expect(scope.isDone()).toBe(true);
    expect(lastMessage(bodyOf(requests, 1))).toEqual({
      role: "assistant",
      content: [{ type: "text", text: "Still working through the gateway…" }],
    });
  });

  it("merges the reminder into the last user message when the model answered with nothing", async () => {
    const { scope, requests, options } = setup([
      { content: [], stopReason: "end_turn" },
      { content: [submit(GOOD_SPEC)] },
    ]);
    expect(await runAgent(options)).toMatchObject({ status: "succeeded" });
    expect(scope.isDone()).toBe(true);
    const messages = bodyOf(requests, 1).messages as {
      role: string;
      content: { type: string; text: string }[];
    }[];
    expect(messages).toHaveLength(1);
    expect(messages[0]?.content.map((b) => b.text.slice(0, 40))).toEqual([
      "Write docs/specs/sessions.md: the Sessio",
      "You ended your turn without calling subm",
    ]);
  });

  it("reports a model refusal as a model error", async () => {
    const { scope, options } = setup([{ content: [], stopReason: "refusal" }]);
    const result = await runAgent(options);
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({
      status: "model-error",
      error: { message: "The model refused to continue (stop reason: refusal)." },
    });
  });

  it("turns a failed model call into a model-error result and releases the reservation", async () => {
    const budget = new TokenBudget(1_000_000);
    const { options } = setup([], { budget });
    const scope = nock(ANTHROPIC_API)
      .post("/v1/messages")
      .reply(529, errorBody("overloaded_error", "Overloaded"), { "content-type": "application/json" });
    const result = await runAgent(options);
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({
      status: "model-error",
      turns: 1,
      error: {
        message: "Anthropic is overloaded (529) with retries turned off.",
        hint: "Rerun later; the job can be retried safely.",
      },
    });
    expect(budget.reserved).toBe(0);
    expect(budget.used).toBe(0);
  });

  it("stops without a request when the signal is already aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    const { options } = setup([], { signal: controller.signal });
    expect(await runAgent(options)).toMatchObject({ status: "aborted", turns: 0 });
  });

  it("runs with another submission tool and returns its structured value", async () => {
    const reportTool = defineSubmissionTool({
      name: "report_findings",
      description: "Report the consistency findings.",
      schema: z
        .object({ findings: z.array(z.object({ category: z.string(), evidence: z.string() }).strict()) })
        .strict(),
      toValue: (input) => input.findings,
    });
    const mocked = mockMessages([
      {
        content: [
          {
            type: "tool_use",
            id: "toolu_r1",
            name: "report_findings",
            input: { findings: [{ category: "contradiction" }] },
          },
        ],
      },
      {
        content: [
          {
            type: "tool_use",
            id: "toolu_r2",
            name: "report_findings",
            input: { findings: [{ category: "contradiction", evidence: "a.md:3" }] },
          },
        ],
      },
    ]);
    const { options } = setup([]);
    const result = await runAgent({
      ...options,
      tools: [],
      submission: reportTool,
      validate: (findings) => (findings.length > 0 ? [] : validate("")),
    });
    expect(mocked.scope.isDone()).toBe(true);
    expect(result).toMatchObject({
      status: "succeeded",
      submitted: [{ category: "contradiction", evidence: "a.md:3" }],
      submissions: 1,
    });
    expect(result.markdown).toBeUndefined();
    const first = bodyOf(mocked.requests, 0);
    expect(first.tools.map((t) => [t.name, t.cache_control])).toEqual([
      ["report_findings", { type: "ephemeral" }],
    ]);
    expect(lastMessage(bodyOf(mocked.requests, 1))?.content).toEqual([
      {
        type: "tool_result",
        tool_use_id: "toolu_r1",
        is_error: true,
        content:
          "Invalid input for report_findings:\n- findings.0.evidence: Invalid input: expected string, received undefined",
        cache_control: { type: "ephemeral" },
      },
    ]);
  });

  it("stops with aborted when the signal fires during a model call", async () => {
    const controller = new AbortController();
    const { options } = setup([], { signal: controller.signal });
    const scope = nock(ANTHROPIC_API)
      .post("/v1/messages")
      .delay(2000)
      .reply(200, "", { "content-type": "text/event-stream" });
    setTimeout(() => controller.abort(), 20);
    const result = await runAgent(options);
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({
      status: "aborted",
      turns: 1,
      error: { message: "The agent run was cancelled." },
    });
    expect(options.budget.reserved).toBe(0);
    nock.abortPendingRequests();
  });

  it("throws for programming errors in its options", async () => {
    const { options } = setup([]);
    await expect(
      runAgent({ ...options, tools: [...options.tools, ...options.tools.slice(0, 1)] }),
    ).rejects.toThrow(/duplicate or reserved tool name "read_file"/);
    await expect(
      runAgent({
        ...options,
        request: { ...options.request, system: [1, 2, 3].map((n) => ({ text: `block ${n}`, cache: true })) },
      }),
    ).rejects.toThrow(/5 cache breakpoints; the API allows 4/);
    await expect(runAgent({ ...options, repairRounds: -1 })).rejects.toThrow(
      /repairRounds must be a non-negative integer/,
    );
  });
});
