import nock from "nock";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createAnthropicModel } from "../../../src/adapters/anthropic/create-anthropic-model.js";
import {
  ModelConnectionError,
  ModelOverloadedError,
  ModelRequestError,
} from "../../../src/core/model-errors.js";
import type { ModelRequest } from "../../../src/ports/model.js";
import {
  ANTHROPIC_API,
  errorBody,
  SSE_HEADERS,
  toSseBody,
  toSseEvents,
  type ScriptedMessage,
} from "../../helpers/anthropic-sse.js";

const KEY = "sk-ant-test-0123456789abcdef";
const request: ModelRequest = {
  model: "claude-sonnet-5-5",
  system: [{ text: "You write system specs.", cache: true }],
  messages: [{ role: "user", content: "Write the spec for billing." }],
  tools: [],
  maxTokens: 2048,
};
const ANSWER: ScriptedMessage = {
  content: [{ type: "text", text: "Billing is owned by the ledger service." }],
  usage: { input_tokens: 700, output_tokens: 40, cache_read_input_tokens: 5000 },
};
/** The first events of a stream (message_start reports 300 + 2000 cached input tokens), then nothing more. */
const PARTIAL = toSseBody(
  toSseEvents({
    content: [{ type: "text", text: "Billing starts with the invoice run" }],
    usage: { input_tokens: 300, cache_read_input_tokens: 2000 },
  }).slice(0, 3),
);
const midStreamError = (type: string) =>
  `${PARTIAL}event: error\ndata: ${JSON.stringify(errorBody(type, "Something went wrong"))}\n\n`;

const open: PassThrough[] = [];
/** A response body that sends `text` and then stays open without another byte. */
function stalled(text: string): PassThrough {
  const body = new PassThrough();
  body.write(text);
  open.push(body);
  return body;
}
afterEach(() => {
  for (const body of open.splice(0)) body.destroy();
  nock.abortPendingRequests();
});

/** Mocks one `/v1/messages` call per reply and records every request body. */
function script(replies: ((bodies: unknown[]) => nock.ReplyFnResult)[]) {
  const bodies: unknown[] = [];
  const scope = nock(ANTHROPIC_API);
  for (const reply of replies) {
    scope.post("/v1/messages").reply((_uri, body) => {
      bodies.push(body);
      return reply(bodies);
    });
  }
  return { scope, bodies };
}
const ok = (): nock.ReplyFnResult => [200, toSseBody(toSseEvents(ANSWER)), SSE_HEADERS];

describe("createAnthropicModel: stalls and mid-stream failures", () => {
  it("stops a stream that stalls after the headers, instead of hanging", async () => {
    const { scope } = script([() => [200, stalled(PARTIAL), SSE_HEADERS]]);
    const started = Date.now();
    const error = await createAnthropicModel({ apiKey: KEY, maxRetries: 0, idleTimeoutMs: 300 })
      .send(request)
      .catch((e: unknown) => e);
    expect(scope.isDone()).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error).toBeInstanceOf(ModelConnectionError);
    expect((error as Error).message).toBe(
      "Anthropic's answer stalled: nothing arrived for 300 ms, so the request was stopped with retries turned off.",
    );
    // The input the API reported before the stall is not lost.
    expect((error as ModelConnectionError).usage).toEqual({
      inputTokens: 300,
      outputTokens: 1,
      cacheReadInputTokens: 2000,
      cacheCreationInputTokens: 0,
    });
  });

  it("retries a stalled stream with the same body and counts both attempts' usage", async () => {
    const { scope, bodies } = script([() => [200, stalled(PARTIAL), SSE_HEADERS], ok]);
    const response = await createAnthropicModel({
      apiKey: KEY,
      maxRetries: 2,
      idleTimeoutMs: 300,
      retryDelayMs: 1,
    }).send(request);
    expect(scope.isDone()).toBe(true);
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toEqual(bodies[0]);
    expect(response.content).toEqual(ANSWER.content);
    expect(response.usage).toEqual({
      inputTokens: 1000,
      outputTokens: 41,
      cacheReadInputTokens: 7000,
      cacheCreationInputTokens: 0,
    });
  });

  it("stops an attempt that runs past its total time even while events keep coming", async () => {
    const { scope } = script([
      () => {
        const body = stalled(PARTIAL);
        const delta = `event: ping\ndata: {"type":"ping"}\n\nevent: content_block_delta\ndata: ${JSON.stringify({ type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "." } })}\n\n`;
        const timer = setInterval(() => (body.destroyed ? clearInterval(timer) : body.write(delta)), 10);
        return [200, body, SSE_HEADERS];
      },
    ]);
    const error = await createAnthropicModel({
      apiKey: KEY,
      maxRetries: 3,
      idleTimeoutMs: 2000,
      timeoutMs: 250,
    })
      .send(request)
      .catch((e: unknown) => e);
    expect(scope.isDone()).toBe(true);
    expect(error).toBeInstanceOf(ModelConnectionError);
    expect((error as Error).message).toBe(
      "Anthropic's answer took longer than 250 ms in total, so the request was stopped.",
    );
  });

  it.each(["overloaded_error", "api_error"])(
    "retries a 200 whose stream ends in an %s event, with an identical body",
    async (type) => {
      const { scope, bodies } = script([() => [200, midStreamError(type), SSE_HEADERS], ok]);
      const response = await createAnthropicModel({ apiKey: KEY, maxRetries: 1, retryDelayMs: 1 }).send(
        request,
      );
      expect(scope.isDone()).toBe(true);
      expect(bodies).toHaveLength(2);
      expect(JSON.stringify(bodies[1])).toBe(JSON.stringify(bodies[0]));
      expect(response.content).toEqual(ANSWER.content);
      expect(response.usage.inputTokens).toBe(1000);
    },
  );

  it("says how many retries were made when mid-stream errors outlast them, and reports their usage", async () => {
    const fail = (): nock.ReplyFnResult => [200, midStreamError("overloaded_error"), SSE_HEADERS];
    const { scope, bodies } = script([fail, fail, fail]);
    const error = await createAnthropicModel({ apiKey: KEY, maxRetries: 2, retryDelayMs: 1 })
      .send(request)
      .catch((e: unknown) => e);
    expect(scope.isDone()).toBe(true);
    expect(bodies).toHaveLength(3);
    expect(error).toBeInstanceOf(ModelOverloadedError);
    expect((error as Error).message).toBe("Anthropic is overloaded (mid-stream) after 2 retries.");
    expect((error as ModelOverloadedError).usage?.inputTokens).toBe(900);
  });

  it("retries a connection that breaks while the answer streams", async () => {
    const { scope, bodies } = script([
      () => {
        const body = stalled(PARTIAL);
        setTimeout(() => body.destroy(new Error("read ECONNRESET")), 10);
        return [200, body, SSE_HEADERS];
      },
      ok,
    ]);
    const response = await createAnthropicModel({ apiKey: KEY, maxRetries: 1, retryDelayMs: 1 }).send(
      request,
    );
    expect(scope.isDone()).toBe(true);
    expect(bodies).toHaveLength(2);
    expect(response.content).toEqual(ANSWER.content);
  });

  it("does not retry when the API says not to, and says so", async () => {
    const scope = nock(ANTHROPIC_API).post("/v1/messages").reply(500, errorBody("api_error", "Internal"), {
      "content-type": "application/json",
      "x-should-retry": "false",
    });
    const error = await createAnthropicModel({ apiKey: KEY, maxRetries: 3, retryDelayMs: 1 })
      .send(request)
      .catch((e: unknown) => e);
    expect(scope.isDone()).toBe(true);
    expect(error).toBeInstanceOf(ModelRequestError);
    expect((error as Error).message).toBe(
      "Anthropic failed with a server error (500) and was not retried: api_error: Internal.",
    );
  });

  it("honours a short retry-after, and gives up at once when the API asks to wait over a minute", async () => {
    const limited = (after: string) => ({
      "content-type": "application/json",
      "retry-after": after,
    });
    const short = nock(ANTHROPIC_API)
      .post("/v1/messages")
      .reply(429, errorBody("rate_limit_error", "Slow down"), limited("0.05"))
      .post("/v1/messages")
      .reply(200, toSseBody(toSseEvents(ANSWER)), SSE_HEADERS);
    const started = Date.now();
    const model = createAnthropicModel({ apiKey: KEY, maxRetries: 3, retryDelayMs: 1 });
    expect((await model.send(request)).content).toEqual(ANSWER.content);
    expect(short.isDone()).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);

    const long = nock(ANTHROPIC_API)
      .post("/v1/messages")
      .reply(429, errorBody("rate_limit_error", "Slow down"), limited("120"));
    const error = await model.send(request).catch((e: unknown) => e);
    expect(long.isDone()).toBe(true);
    expect((error as Error).message).toBe(
      "Anthropic rate-limited the requests (429) and was not retried; it asked to wait 120s.",
    );
  });

  it("asks mayRetry before retrying an attempt that cost tokens, and gives up when refused", async () => {
    const { scope, bodies } = script([() => [200, midStreamError("overloaded_error"), SSE_HEADERS]]);
    const asked: number[] = [];
    const error = await createAnthropicModel({ apiKey: KEY, maxRetries: 3, retryDelayMs: 1 })
      .send(request, {
        mayRetry: (spent) => (asked.push(spent.inputTokens + spent.cacheReadInputTokens), false),
      })
      .catch((e: unknown) => e);
    expect(scope.isDone()).toBe(true);
    expect(bodies).toHaveLength(1);
    expect(asked).toEqual([2300]);
    expect(error).toBeInstanceOf(ModelOverloadedError);
    expect((error as Error).message).toBe("Anthropic is overloaded (mid-stream) and was not retried.");
  });
});
