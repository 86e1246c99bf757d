import nock from "nock";
import { describe, expect, it, vi } from "vitest";
import { createAnthropicModel } from "../../src/adapters/anthropic/create-anthropic-model.js";
import type { RunAgentOptions } from "../../src/agents/agent-types.js";
import { runAgent } from "../../src/agents/run-agent.js";
import { TokenBudget } from "../../src/agents/token-budget.js";
import { createRepoTools } from "../../src/agents/tools/create-repo-tools.js";
import {
  ANTHROPIC_API,
  errorBody,
  mockMessages,
  SSE_HEADERS,
  toSseBody,
  toSseEvents,
  type ScriptedMessage,
} from "../helpers/anthropic-sse.js";
import { createMemorySnapshot } from "../helpers/memory-snapshot.js";

const SPEC = "# Ledger\n## 1. Overview\nPostings are written by `src/ledger/post.ts`.\n";
const snapshot = createMemorySnapshot({
  "src/ledger/post.ts": "export function post(amount: number) {\n  return amount;\n}\n",
  // Six-byte characters are one char each in JS but up to 2 tokens each: estimates by characters undercount them.
  "src/ledger/labels.ts": Array.from({ length: 16 }, (_, i) => `// ${i} ${"💶".repeat(250)}`).join("\n"),
});
const list: ScriptedMessage = { content: [{ type: "tool_use", name: "list_directory", input: {} }] };
const submit: ScriptedMessage = {
  content: [{ type: "tool_use", name: "submit_spec", input: { markdown: SPEC } }],
};

function options(overrides: Partial<RunAgentOptions> = {}): RunAgentOptions {
  const repo = createRepoTools(snapshot);
  return {
    model: createAnthropicModel({ apiKey: "sk-ant-test-key-000000", maxRetries: 0, retryDelayMs: 1 }),
    request: {
      model: "claude-sonnet-5-5",
      system: [{ text: "You write the ledger spec.", cache: true }],
      firstMessage: "Write docs/specs/ledger.md.",
      maxTokens: 2000,
    },
    tools: repo.tools,
    filesRead: repo.filesRead,
    limits: { maxTurns: 10, maxInputTokens: 1_000_000, maxOutputTokens: 64_000 },
    budget: new TokenBudget(10_000_000),
    validate: () => [],
    repairRounds: 1,
    ...overrides,
  };
}

/** The tokens the first call of `options()` reserves. */
async function firstReservation(): Promise<number> {
  const { scope } = mockMessages([submit]);
  const budget = new TokenBudget(10_000_000);
  const reserve = vi.spyOn(budget, "reserve");
  await runAgent(options({ budget }));
  expect(scope.isDone()).toBe(true);
  return reserve.mock.calls[0]?.[0] ?? 0;
}

type Body = { messages: { role: string; content: { type: string; text?: string }[] }[] };
const lastBlock = (body: unknown) => {
  const messages = (body as Body).messages;
  const content = messages[messages.length - 1]?.content ?? [];
  return content[content.length - 1];
};

describe("runAgent: telling the model its limits", () => {
  it("appends 'N turns left' to the user message once at most 2 turns are left", async () => {
    const { scope, requests } = mockMessages([list, list, submit]);
    const result = await runAgent(
      options({ limits: { maxTurns: 3, maxInputTokens: 1_000_000, maxOutputTokens: 64_000 } }),
    );
    expect(scope.isDone()).toBe(true);
    expect(result.status).toBe("succeeded");
    const notes = requests.map((r) => lastBlock(r.body));
    expect(notes[0]?.type).toBe("text");
    expect(notes[0]?.text).toBe("Write docs/specs/ledger.md.");
    expect(notes[1]).toMatchObject({
      type: "text",
      text: "2 turns left: call submit_spec now with your complete work.",
    });
    expect(notes[2]).toMatchObject({
      type: "text",
      text: "1 turn left: call submit_spec now with your complete work.",
    });
    // The note joins the tool results of the same user message (the conversation stays append-only).
    const third = requests[2]?.body as unknown as Body;
    expect(third.messages[2]?.content.map((b) => b.type)).toEqual(["tool_result", "text"]);
    expect(third.messages[2]?.content[1]).toEqual({
      type: "text",
      text: "2 turns left: call submit_spec now with your complete work.",
    });
  });

  it("warns when the coming turn brings input to 85 % of the limit", async () => {
    const { scope, requests } = mockMessages([{ ...list, usage: { input_tokens: 8600 } }, submit]);
    await runAgent(options({ limits: { maxTurns: 10, maxInputTokens: 20_000, maxOutputTokens: 64_000 } }));
    expect(scope.isDone()).toBe(true);
    expect(lastBlock(requests[0]?.body)?.text).toBe("Write docs/specs/ledger.md.");
    expect(lastBlock(requests[1]?.body)?.text).toMatch(
      /^About (8[5-9]|9\d) % of your input-token limit is used: call submit_spec now with your complete work\.$/,
    );
  });
});

describe("runAgent: the job's token budget", () => {
  it("counts the tokens the API reported for a call that failed mid-stream", async () => {
    const events = toSseEvents({
      content: [{ type: "text", text: "Reading the ledger first" }],
      usage: { input_tokens: 300, cache_read_input_tokens: 5000 },
    }).slice(0, 3);
    const body = `${toSseBody(events)}event: error\ndata: ${JSON.stringify(errorBody("overloaded_error", "Overloaded"))}\n\n`;
    const scope = nock(ANTHROPIC_API).post("/v1/messages").reply(200, body, SSE_HEADERS);
    const budget = new TokenBudget(1_000_000);
    const result = await runAgent(options({ budget }));
    expect(scope.isDone()).toBe(true);
    expect(result.status).toBe("model-error");
    expect(result.usage).toEqual({
      inputTokens: 300,
      outputTokens: 1,
      cacheReadInputTokens: 5000,
      cacheCreationInputTokens: 0,
    });
    expect(budget.used).toBe(5301);
    expect(budget.reserved).toBe(0);
  });

  it("reserves an upper bound of the next call, so a turn that could pass the limit is not sent", async () => {
    // The tool result is ~16 KB of UTF-8 in ~8k characters: by characters the next turn looks
    // like ~2k tokens and would fit; its real cost could be far more, so the agent stops.
    const read: ScriptedMessage = {
      content: [{ type: "tool_use", name: "read_file", input: { path: "src/ledger/labels.ts" } }],
      usage: { input_tokens: 3000, output_tokens: 100 },
    };
    const { scope, requests } = mockMessages([read]);
    const budget = new TokenBudget(3100 + 3024 + 2000 + 12_000);
    const result = await runAgent(options({ budget }));
    expect(scope.isDone()).toBe(true);
    expect(requests).toHaveLength(1);
    expect(result.status).toBe("budget-exhausted");
    expect(budget.used).toBe(3100);
    expect(budget.used + budget.reserved).toBeLessThanOrEqual(budget.limit);
  });

  it("lets the adapter retry a failed attempt only when the budget can cover what it spent", async () => {
    // Room for the first attempt's reservation, not for it plus the 3,001 tokens it spent.
    const budget = new TokenBudget((await firstReservation()) + 2000);
    const events = toSseEvents({ content: [{ type: "text", text: "Start" }], usage: { input_tokens: 3000 } });
    const failing = `${toSseBody(events.slice(0, 3))}event: error\ndata: ${JSON.stringify(errorBody("api_error", "Internal"))}\n\n`;
    const scope = nock(ANTHROPIC_API).post("/v1/messages").reply(200, failing, SSE_HEADERS);
    const result = await runAgent(
      options({
        budget,
        model: createAnthropicModel({ apiKey: "sk-ant-test-key-000000", maxRetries: 3, retryDelayMs: 1 }),
      }),
    );
    expect(scope.isDone()).toBe(true);
    expect(result.status).toBe("model-error");
    expect(result.error?.message).toBe(
      "Anthropic failed while streaming the answer (mid-stream) and was not retried: api_error: Internal.",
    );
    expect(budget.used).toBe(3001);
    expect(budget.reserved).toBe(0);
  });
});
