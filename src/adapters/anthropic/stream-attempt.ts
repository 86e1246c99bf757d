import type Anthropic from "@anthropic-ai/sdk";
import type { MessageCreateParamsBase, MessageStreamEvent } from "@anthropic-ai/sdk/resources/messages";
import { EMPTY_USAGE, type Usage } from "../../core/pricing/usage.js";
import type { ModelResponse } from "../../ports/model.js";
import { fromAnthropicMessage } from "./from-anthropic-message.js";

/** Limits and listeners of one streamed attempt. */
export interface AttemptOptions {
  /** The caller's signal: aborting it ends the attempt as `aborted`. */
  signal?: AbortSignal;
  onText?: (delta: string) => void;
  /** Abort when nothing (headers or a stream event) arrives for this long. */
  idleTimeoutMs: number;
  /** Abort when the whole attempt, stream included, takes longer than this. */
  timeoutMs: number;
}

/**
 * How one attempt ended. A failure says why: `idle` (the stream stalled), `deadline` (the
 * attempt ran past `timeoutMs`), `aborted` (the caller's signal), or `error` (what the SDK
 * threw). `usage` is what the API reported before the failure (0 when nothing arrived).
 */
export type AttemptOutcome =
  | { ok: true; response: ModelResponse }
  | { ok: false; cause: "idle" | "deadline" | "aborted" | "error"; error: unknown; usage: Usage };

type UsageFields = {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
};

function mergeUsage(current: Usage, reported: UsageFields | undefined): Usage {
  if (!reported) return current;
  const pick = (value: number | null | undefined, fallback: number) =>
    typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : fallback;
  return {
    inputTokens: pick(reported.input_tokens, current.inputTokens),
    outputTokens: pick(reported.output_tokens, current.outputTokens),
    cacheReadInputTokens: pick(reported.cache_read_input_tokens, current.cacheReadInputTokens),
    cacheCreationInputTokens: pick(reported.cache_creation_input_tokens, current.cacheCreationInputTokens),
  };
}

/**
 * Streams one Messages API call (`messages.stream()` + `finalMessage()`) under its own
 * `AbortController`, tied to the caller's signal. An idle timer starts with the request and is
 * reset when the response headers and every stream event arrive; when it runs out, or the
 * attempt passes `timeoutMs` in total, the request is aborted (the SDK's own timeout stops
 * counting once headers arrive, so a stalled stream would otherwise hang forever). Usage the
 * API reported before a failure (`message_start`, `message_delta`) is kept in the outcome.
 * Never throws.
 */
export async function streamAttempt(
  client: Anthropic,
  params: MessageCreateParamsBase,
  options: AttemptOptions,
): Promise<AttemptOutcome> {
  const controller = new AbortController();
  let cause: "idle" | "deadline" | "aborted" | undefined;
  const stop = (why: "idle" | "deadline" | "aborted") => {
    cause ??= why;
    controller.abort();
  };
  const onCallerAbort = () => stop("aborted");
  if (options.signal?.aborted) stop("aborted");
  options.signal?.addEventListener("abort", onCallerAbort, { once: true });
  let idle = setTimeout(() => stop("idle"), options.idleTimeoutMs);
  const touch = () => {
    clearTimeout(idle);
    idle = setTimeout(() => stop("idle"), options.idleTimeoutMs);
  };
  const deadline = setTimeout(() => stop("deadline"), options.timeoutMs);
  let usage: Usage = { ...EMPTY_USAGE };

  try {
    const stream = client.messages.stream(params, { signal: controller.signal });
    stream.on("connect", touch);
    stream.on("streamEvent", (event: MessageStreamEvent) => {
      touch();
      if (event.type === "message_start") usage = mergeUsage(usage, event.message.usage);
      else if (event.type === "message_delta") usage = mergeUsage(usage, event.usage as UsageFields);
    });
    const { onText } = options;
    if (onText) {
      stream.on("text", (delta) => {
        try {
          onText(delta);
        } catch {
          // A failing progress listener must not break the model call.
        }
      });
    }
    const message = await stream.finalMessage();
    if (cause) return { ok: false, cause, error: undefined, usage };
    return { ok: true, response: fromAnthropicMessage(message) };
  } catch (error) {
    return { ok: false, cause: cause ?? "error", error, usage };
  } finally {
    clearTimeout(idle);
    clearTimeout(deadline);
    options.signal?.removeEventListener("abort", onCallerAbort);
  }
}
