import type { Usage } from "../core/pricing/usage.js";

export type { Usage } from "../core/pricing/usage.js";

/**
 * A provider-neutral chat model with tool use, shaped after the Anthropic Messages API.
 * Adapters (`src/adapters/anthropic/`) translate it to one provider; the agent loop and tests
 * only see this port.
 *
 * `send` rejects only with a `ModelError` subclass (`src/core/model-errors.ts`): overloaded,
 * rate limit, auth, bad request, connection or aborted. Retries of transient failures happen
 * inside the adapter.
 */
export interface ModelPort {
  send(request: ModelRequest, options?: SendOptions): Promise<ModelResponse>;
}

/** Per-call options of `ModelPort.send`. */
export interface SendOptions {
  /** Aborts the call; `send` then rejects with `ModelAbortedError`. */
  signal?: AbortSignal;
  /** Receives the assistant's text as it streams in. */
  onText?: (delta: string) => void;
  /**
   * Asked before the adapter retries a call whose earlier attempts already cost tokens
   * (`spent`, summed over them): return false to give up instead (e.g. when the job's token
   * budget has no room for another attempt). Not asked when nothing was spent. Default: retry.
   */
  mayRetry?: (spent: Usage) => boolean;
}

/** A block of the system prompt. `cache: true` puts a prompt-cache breakpoint after it. */
export interface SystemBlock {
  text: string;
  cache: boolean;
}

/** A tool the model may call. */
export interface ToolDefinition {
  name: string;
  description: string;
  /** JSON Schema of the tool's input (an object schema). */
  inputSchema: Record<string, unknown>;
  /** Puts a prompt-cache breakpoint after this tool (set it on the last tool only). */
  cache?: boolean;
}

/** Plain text. In a user message, `cache: true` puts a prompt-cache breakpoint after it. */
export interface TextBlock {
  type: "text";
  text: string;
  cache?: boolean;
}

/** The model asks to run a tool. `input` is whatever JSON the model produced: validate it. */
export interface ToolUseBlock {
  type: "tool_use";
  id: string;
  name: string;
  input: unknown;
}

/** The answer to one `tool_use`, sent back in the next user message. */
export interface ToolResultBlock {
  type: "tool_result";
  tool_use_id: string;
  content: string;
  is_error: boolean;
  /** Puts a prompt-cache breakpoint after this block. */
  cache?: boolean;
}

/**
 * A provider block the loop does not interpret but must send back exactly as received in the
 * assistant message (e.g. Anthropic `thinking` / `redacted_thinking` blocks with signatures).
 */
export interface OpaqueBlock {
  type: "opaque";
  /** The provider's block, echoed back verbatim by the adapter. */
  providerData: unknown;
}

export type AssistantBlock = TextBlock | ToolUseBlock | OpaqueBlock;
export type UserBlock = TextBlock | ToolResultBlock;
export type ContentBlock = AssistantBlock | ToolResultBlock;

/** One message of the conversation. */
export type ModelMessage =
  { role: "user"; content: string | UserBlock[] } | { role: "assistant"; content: AssistantBlock[] };

/**
 * Which tools the model must use: `auto` (default, may answer in text), `any` (must call some
 * tool) or one named tool. Some models (e.g. Claude Sonnet 5.5) reject forced tool use.
 */
export type ToolChoice = "auto" | "any" | { name: string };

/** One model call. */
export interface ModelRequest {
  model: string;
  /** The system prompt, in blocks; put the stable (cacheable) prefix first. */
  system: SystemBlock[];
  messages: ModelMessage[];
  tools: ToolDefinition[];
  /** Most output tokens of this one response. */
  maxTokens: number;
  toolChoice?: ToolChoice;
}

/**
 * Why the model stopped: `end_turn` (done talking), `tool_use` (waiting for tool results),
 * `max_tokens` (cut off: the last block may be incomplete), `stop_sequence`, `refusal`,
 * `pause_turn` (a long server-side turn paused; send the conversation again to continue),
 * or another provider value.
 */
export type StopReason =
  "end_turn" | "tool_use" | "max_tokens" | "stop_sequence" | "refusal" | "pause_turn" | (string & {});

/** The model's answer to one call. */
export interface ModelResponse {
  /** Text, tool_use and opaque blocks, in order. Send them back unchanged in the next request. */
  content: AssistantBlock[];
  stopReason: StopReason;
  /** Usage of the call, including attempts that failed and were retried. */
  usage: Usage;
  /** The model that answered, as the provider names it. */
  model?: string;
  /** The provider's message id. */
  id?: string;
}
