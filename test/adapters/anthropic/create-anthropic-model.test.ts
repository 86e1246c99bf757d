import nock from "nock";
import { describe, expect, it } from "vitest";
import { createAnthropicModel } from "../../../src/adapters/anthropic/create-anthropic-model.js";
import {
  ModelAbortedError,
  ModelAuthError,
  ModelConnectionError,
  ModelOverloadedError,
  ModelRateLimitError,
  ModelRequestError,
} from "../../../src/core/model-errors.js";
import type { ModelRequest } from "../../../src/ports/model.js";
import {
  ANTHROPIC_API,
  errorBody,
  mockMessages,
  SSE_HEADERS,
  toSseBody,
  toSseEvents,
} from "../../helpers/anthropic-sse.js";

const KEY = "sk-ant-test-0123456789abcdef";

const request: ModelRequest = {
  model: "claude-sonnet-5-5",
  system: [
    { text: "You write system specs.", cache: false },
    { text: "Shared brief and template.", cache: true },
  ],
  messages: [{ role: "user", content: "Write the spec for sessions." }],
  tools: [
    {
      name: "read_file",
      description: "Read a file.",
      inputSchema: { type: "object", properties: { path: { type: "string" } } },
    },
    {
      name: "submit_spec",
      description: "Submit.",
      inputSchema: { type: "object", properties: {} },
      cache: true,
    },
  ],
  maxTokens: 4096,
};

describe("createAnthropicModel", () => {
  it("streams a request with Bearer auth and cache_control, and maps the answer", async () => {
    const { scope, requests } = mockMessages([
      {
        content: [
          { type: "text", text: "I will read the gateway entry point first." },
          {
            type: "tool_use",
            id: "toolu_01",
            name: "read_file",
            input: { path: "src/gateway/server.ts", start_line: 1 },
          },
        ],
        usage: {
          input_tokens: 1200,
          output_tokens: 85,
          cache_read_input_tokens: 9000,
          cache_creation_input_tokens: 300,
        },
      },
    ]);
    const deltas: string[] = [];
    const model = createAnthropicModel({ apiKey: KEY, maxRetries: 0 });

    const response = await model.send(request, { onText: (d) => deltas.push(d) });

    expect(scope.isDone()).toBe(true);
    const sent = requests[0];
    expect(sent?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(sent?.headers["x-api-key"]).toBeUndefined();
    expect(sent?.headers["anthropic-version"]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(sent?.body).toEqual({
      model: "claude-sonnet-5-5",
      max_tokens: 4096,
      stream: true,
      system: [
        { type: "text", text: "You write system specs." },
        { type: "text", text: "Shared brief and template.", cache_control: { type: "ephemeral" } },
      ],
      messages: [{ role: "user", content: "Write the spec for sessions." }],
      tools: [
        {
          name: "read_file",
          description: "Read a file.",
          input_schema: { type: "object", properties: { path: { type: "string" } } },
        },
        {
          name: "submit_spec",
          description: "Submit.",
          input_schema: { type: "object", properties: {} },
          cache_control: { type: "ephemeral" },
        },
      ],
    });
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join("")).toBe("I will read the gateway entry point first.");
    expect(response).toEqual({
      content: [
        { type: "text", text: "I will read the gateway entry point first." },
        {
          type: "tool_use",
          id: "toolu_01",
          name: "read_file",
          input: { path: "src/gateway/server.ts", start_line: 1 },
        },
      ],
      stopReason: "tool_use",
      usage: {
        inputTokens: 1200,
        outputTokens: 85,
        cacheReadInputTokens: 9000,
        cacheCreationInputTokens: 300,
      },
      model: "claude-sonnet-5-5",
      id: expect.stringMatching(/^msg_/),
    });
  });

  it("sends tool results, cache flags on user blocks, tool_choice, and echoes thinking blocks verbatim", async () => {
    const thinking = { type: "thinking", thinking: "The gateway owns sessions.", signature: "sig-abc" };
    const { scope, requests } = mockMessages([{ content: [{ type: "text", text: "Done." }] }]);
    const model = createAnthropicModel({ apiKey: KEY, maxRetries: 0 });

    await model.send({
      ...request,
      system: [],
      tools: [],
      toolChoice: { name: "submit_spec" },
      messages: [
        { role: "user", content: [{ type: "text", text: "Start." }] },
        {
          role: "assistant",
          content: [
            { type: "opaque", providerData: thinking },
            { type: "tool_use", id: "toolu_9", name: "read_file", input: { path: "a.ts" } },
          ],
        },
        {
          role: "user",
          content: [
            { type: "tool_result", tool_use_id: "toolu_9", content: "1\tx", is_error: false, cache: true },
          ],
        },
      ],
    });

    expect(scope.isDone()).toBe(true);
    expect(requests[0]?.body).toEqual({
      model: "claude-sonnet-5-5",
      max_tokens: 4096,
      stream: true,
      tool_choice: { type: "tool", name: "submit_spec" },
      messages: [
        { role: "user", content: [{ type: "text", text: "Start." }] },
        {
          role: "assistant",
          content: [
            thinking,
            { type: "tool_use", id: "toolu_9", name: "read_file", input: { path: "a.ts" } },
          ],
        },
        {
          role: "user",
          content: [
            {
              type: "tool_result",
              tool_use_id: "toolu_9",
              content: "1\tx",
              is_error: false,
              cache_control: { type: "ephemeral" },
            },
          ],
        },
      ],
    });
  });

  it("keeps thinking blocks of the answer as opaque blocks", async () => {
    const { scope } = mockMessages([
      {
        content: [
          { type: "thinking", thinking: "Check the router.", signature: "sig-1" },
          { type: "text", text: "Ok." },
        ],
        stopReason: "end_turn",
      },
    ]);
    const response = await createAnthropicModel({ apiKey: KEY, maxRetries: 0 }).send(request);
    expect(scope.isDone()).toBe(true);
    expect(response.content).toEqual([
      {
        type: "opaque",
        providerData: { type: "thinking", thinking: "Check the router.", signature: "sig-1" },
      },
      { type: "text", text: "Ok." },
    ]);
  });

  it("honours a custom base URL (ANTHROPIC_BASE_URL passed by the caller)", async () => {
    const { scope } = mockMessages(
      [{ content: [{ type: "text", text: "hi" }] }],
      "https://gateway.example.test",
    );
    const response = await createAnthropicModel({
      apiKey: KEY,
      baseURL: "https://gateway.example.test",
      maxRetries: 0,
    }).send(request);
    expect(scope.isDone()).toBe(true);
    expect(response.stopReason).toBe("end_turn");
  });

  it("retries a 529 overloaded answer (honouring retry-after-ms) and then succeeds", async () => {
    const bodies: unknown[] = [];
    const scope = nock(ANTHROPIC_API)
      .post("/v1/messages", (body) => (bodies.push(body), true))
      .reply(529, errorBody("overloaded_error", "Overloaded"), {
        "content-type": "application/json",
        "retry-after-ms": "5",
        "retry-after": "0",
      })
      .post("/v1/messages", (body) => (bodies.push(body), true))
      .reply(200, toSseBody(toSseEvents({ content: [{ type: "text", text: "Recovered." }] })), SSE_HEADERS);
    const started = Date.now();

    const response = await createAnthropicModel({ apiKey: KEY }).send(request);

    expect(scope.isDone()).toBe(true);
    expect(Date.now() - started).toBeLessThan(300);
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toEqual(bodies[0]);
    expect(response.content).toEqual([{ type: "text", text: "Recovered." }]);
  });

  it("reports a 529 that outlasts the retries as ModelOverloadedError", async () => {
    const scope = nock(ANTHROPIC_API)
      .post("/v1/messages")
      .times(2)
      .reply(529, errorBody("overloaded_error", "Overloaded"), {
        "content-type": "application/json",
        "retry-after-ms": "1",
      });
    const error = await createAnthropicModel({ apiKey: KEY, maxRetries: 1 })
      .send(request)
      .catch((e: unknown) => e);
    expect(scope.isDone()).toBe(true);
    expect(error).toBeInstanceOf(ModelOverloadedError);
    expect(error).toMatchObject({ message: "Anthropic is overloaded (529) after 1 retry.", status: 529 });
    expect((error as ModelOverloadedError).hint).toMatch(/rerun later/i);
  });

  it.each([
    [401, "authentication_error", "invalid x-api-key", ModelAuthError, /refused the API key \(401\)/],
    [403, "permission_error", "not allowed", ModelAuthError, /refused the API key \(403\)/],
    [
      429,
      "rate_limit_error",
      "Number of requests exceeded",
      ModelRateLimitError,
      /rate-limited the requests \(429\) with retries turned off; it asked to wait 30s/,
    ],
    [
      400,
      "invalid_request_error",
      "max_tokens: too large",
      ModelRequestError,
      /refused the request \(400\): invalid_request_error: max_tokens: too large/,
    ],
    [404, "not_found_error", "model: claude-nope", ModelRequestError, /did not find.*\(404\)/],
    [
      500,
      "api_error",
      "Internal server error",
      ModelRequestError,
      /server error \(500\) with retries turned off/,
    ],
  ])("maps HTTP %i to a named error", async (status, type, message, errorClass, pattern) => {
    const scope = nock(ANTHROPIC_API).post("/v1/messages").reply(status, errorBody(type, message), {
      "content-type": "application/json",
      "request-id": "req_42",
      "retry-after": "30",
    });
    const error = await createAnthropicModel({ apiKey: KEY, maxRetries: 0 })
      .send(request)
      .catch((e: unknown) => e);
    expect(scope.isDone()).toBe(true);
    expect(error).toBeInstanceOf(errorClass);
    expect((error as Error).message).toMatch(pattern);
    expect((error as Error).message).not.toContain(KEY);
    expect(error).toMatchObject({ status, requestId: "req_42" });
  });

  it("maps an overloaded error event in the middle of the stream", async () => {
    const events = toSseEvents({ content: [{ type: "text", text: "Starting the spec" }] }).slice(0, 3);
    const body = `${toSseBody(events)}event: error\ndata: ${JSON.stringify(errorBody("overloaded_error", "Overloaded"))}\n\n`;
    const scope = nock(ANTHROPIC_API).post("/v1/messages").reply(200, body, SSE_HEADERS);
    const error = await createAnthropicModel({ apiKey: KEY, maxRetries: 0 })
      .send(request)
      .catch((e: unknown) => e);
    expect(scope.isDone()).toBe(true);
    expect(error).toBeInstanceOf(ModelOverloadedError);
    expect((error as Error).message).toContain("mid-stream");
  });

  it("reports a connection failure as ModelConnectionError", async () => {
    const scope = nock(ANTHROPIC_API).post("/v1/messages").replyWithError("socket hang up");
    const error = await createAnthropicModel({ apiKey: KEY, maxRetries: 0 })
      .send(request)
      .catch((e: unknown) => e);
    expect(scope.isDone()).toBe(true);
    expect(error).toBeInstanceOf(ModelConnectionError);
    expect((error as Error).message).toContain("https://api.anthropic.com");
  });

  it("rejects with ModelAbortedError when the signal is aborted", async () => {
    const scope = nock(ANTHROPIC_API)
      .post("/v1/messages")
      .delay(2000)
      .reply(200, toSseBody(toSseEvents({ content: [{ type: "text", text: "late" }] })), SSE_HEADERS);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const error = await createAnthropicModel({ apiKey: KEY, maxRetries: 0 })
      .send(request, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelAbortedError);
    expect(scope.isDone()).toBe(true);
    nock.abortPendingRequests();
  });

  it("refuses an empty API key before any request", () => {
    expect(() => createAnthropicModel({ apiKey: " " })).toThrow(ModelAuthError);
  });

  it("keeps streaming when the onText listener throws", async () => {
    const { scope } = mockMessages([
      { content: [{ type: "text", text: "A long enough answer to stream." }] },
    ]);
    const response = await createAnthropicModel({ apiKey: KEY, maxRetries: 0 }).send(request, {
      onText: () => {
        throw new Error("listener bug");
      },
    });
    expect(scope.isDone()).toBe(true);
    expect(response.content).toEqual([{ type: "text", text: "A long enough answer to stream." }]);
  });
});
