import nock from "nock";

/** The API host every Anthropic test mocks. */
export const ANTHROPIC_API = "https://api.anthropic.com";

/** One block of a scripted assistant message. */
export type ScriptedBlock =
  | { type: "text"; text: string }
  | { type: "tool_use"; id?: string; name: string; input: unknown }
  | { type: "thinking"; thinking: string; signature: string };

/** A scripted assistant message, turned into the SSE events the Messages API streams. */
export interface ScriptedMessage {
  content: ScriptedBlock[];
  /** Defaults to `tool_use` when a tool_use block is present, else `end_turn`. */
  stopReason?: string;
  usage?: {
    input_tokens?: number;
    output_tokens?: number;
    cache_read_input_tokens?: number;
    cache_creation_input_tokens?: number;
  };
  model?: string;
  id?: string;
  /** Cut the JSON of the last tool_use block in half (what a `max_tokens` stop mid-call looks like). */
  truncateLastToolInput?: boolean;
}

/** One server-sent event. */
export interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}

let toolCounter = 0;

function chunks(text: string, size: number): string[] {
  if (text.length === 0) return [];
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/**
 * The event sequence the Messages API streams for `message`: `message_start` (input usage),
 * per block `content_block_start` → `content_block_delta`s (`text_delta` in chunks of 16
 * characters, `input_json_delta` in chunks of 24, `thinking_delta` + `signature_delta`) →
 * `content_block_stop`, a `ping`, then `message_delta` (stop reason, output usage) and `message_stop`.
 */
export function toSseEvents(message: ScriptedMessage): SseEvent[] {
  const id = message.id ?? `msg_${Math.random().toString(36).slice(2, 14)}`;
  const model = message.model ?? "claude-sonnet-5-5";
  const usage = {
    input_tokens: message.usage?.input_tokens ?? 100,
    output_tokens: message.usage?.output_tokens ?? 20,
    cache_read_input_tokens: message.usage?.cache_read_input_tokens ?? 0,
    cache_creation_input_tokens: message.usage?.cache_creation_input_tokens ?? 0,
  };
  const hasTool = message.content.some((b) => b.type === "tool_use");
  const stopReason = message.stopReason ?? (hasTool ? "tool_use" : "end_turn");
  const events: SseEvent[] = [
    {
      event: "message_start",
      data: {
        type: "message_start",
        message: {
          id,
          type: "message",
          role: "assistant",
          model,
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: { ...usage, output_tokens: 1 },
        },
      },
    },
  ];
  const lastTool = message.content.map((b) => b.type).lastIndexOf("tool_use");
  message.content.forEach((block, index) => {
    if (block.type === "text") {
      events.push({
        event: "content_block_start",
        data: { type: "content_block_start", index, content_block: { type: "text", text: "" } },
      });
      for (const text of chunks(block.text, 16)) {
        events.push({
          event: "content_block_delta",
          data: { type: "content_block_delta", index, delta: { type: "text_delta", text } },
        });
      }
    } else if (block.type === "thinking") {
      events.push({
        event: "content_block_start",
        data: {
          type: "content_block_start",
          index,
          content_block: { type: "thinking", thinking: "", signature: "" },
        },
      });
      events.push({
        event: "content_block_delta",
        data: {
          type: "content_block_delta",
          index,
          delta: { type: "thinking_delta", thinking: block.thinking },
        },
      });
      events.push({
        event: "content_block_delta",
        data: {
          type: "content_block_delta",
          index,
          delta: { type: "signature_delta", signature: block.signature },
        },
      });
    } else {
      toolCounter += 1;
      const toolId = block.id ?? `toolu_${String(toolCounter).padStart(6, "0")}`;
      events.push({
        event: "content_block_start",
        data: {
          type: "content_block_start",
          index,
          content_block: { type: "tool_use", id: toolId, name: block.name, input: {} },
        },
      });
      let json = JSON.stringify(block.input);
      if (message.truncateLastToolInput && index === lastTool)
        json = json.slice(0, Math.max(1, Math.floor(json.length / 2)));
      events.push({
        event: "content_block_delta",
        data: { type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json: "" } },
      });
      for (const partial of chunks(json, 24)) {
        events.push({
          event: "content_block_delta",
          data: {
            type: "content_block_delta",
            index,
            delta: { type: "input_json_delta", partial_json: partial },
          },
        });
      }
    }
    events.push({ event: "content_block_stop", data: { type: "content_block_stop", index } });
  });
  events.push({ event: "ping", data: { type: "ping" } });
  events.push({
    event: "message_delta",
    data: {
      type: "message_delta",
      delta: { stop_reason: stopReason, stop_sequence: null },
      usage: { ...usage },
    },
  });
  events.push({ event: "message_stop", data: { type: "message_stop" } });
  return events;
}

/** Serialises events as a `text/event-stream` body. */
export function toSseBody(events: readonly SseEvent[]): string {
  return events.map((e) => `event: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`).join("");
}

/** Headers of a streamed Messages API answer. */
export const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "request-id": "req_test_0001",
};

/** A JSON error body of the Messages API. */
export function errorBody(type: string, message: string): Record<string, unknown> {
  return { type: "error", error: { type, message } };
}

/** A captured request to `/v1/messages`. */
export interface CapturedRequest {
  body: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Mocks one `/v1/messages` call per scripted message, in order, and records each request body
 * and headers. Assert `scope.isDone()` at the end of the test.
 */
export function mockMessages(
  messages: readonly ScriptedMessage[],
  baseUrl: string = ANTHROPIC_API,
): { scope: nock.Scope; requests: CapturedRequest[] } {
  const requests: CapturedRequest[] = [];
  const scope = nock(baseUrl);
  for (const message of messages) {
    scope.post("/v1/messages").reply(function (_uri, body) {
      requests.push({ body: body as Record<string, unknown>, headers: { ...this.req.headers } });
      return [200, toSseBody(toSseEvents(message)), SSE_HEADERS];
    });
  }
  return { scope, requests };
}
