import Anthropic from "@anthropic-ai/sdk";
import { ModelAuthError } from "../../core/model-errors.js";
import type { ModelPort, ModelRequest, ModelResponse, SendOptions } from "../../ports/model.js";
import { fromAnthropicMessage } from "./from-anthropic-message.js";
import { mapAnthropicError, type ErrorContext } from "./map-anthropic-error.js";
import { toAnthropicParams } from "./to-anthropic-params.js";

/** The public Anthropic API. */
export const DEFAULT_ANTHROPIC_BASE_URL = "https://api.anthropic.com";
/** Retries of 408/409/429/5xx/529 and connection failures, with the SDK's backoff. */
export const DEFAULT_MAX_RETRIES = 4;
/** Per-request timeout: streamed spec generations can run for many minutes. */
export const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;

/** Options of `createAnthropicModel`. */
export interface AnthropicModelOptions {
  apiKey: string;
  /** A proxy or gateway (the caller passes `ANTHROPIC_BASE_URL`). Defaults to the public API. */
  baseURL?: string;
  /** Default 4. The SDK waits `retry-after-ms` / `retry-after` when the API sends them, else backs off 0.5 s → 8 s. */
  maxRetries?: number;
  /** Default 10 minutes. */
  timeoutMs?: number;
}

/**
 * A `ModelPort` on the Anthropic Messages API through `@anthropic-ai/sdk`. Every call streams
 * (`messages.stream()` + `finalMessage()`), so long generations are not cut by HTTP timeouts,
 * and text deltas reach `onText` as they arrive. The SDK retries 408/409/429/5xx/529 and
 * connection errors (honouring `retry-after-ms` / `retry-after`); what still fails is rejected
 * as a named `ModelError`. The key is sent as `Authorization: Bearer <key>` by the SDK and
 * never appears in messages. Environment variables are not read here: pass them in.
 */
export function createAnthropicModel(options: AnthropicModelOptions): ModelPort {
  if (options.apiKey.trim() === "") {
    throw new ModelAuthError(
      "No Anthropic API key was given.",
      "Set ANTHROPIC_API_KEY to a key from console.anthropic.com.",
    );
  }
  const ctx: ErrorContext = {
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    baseURL: options.baseURL ?? DEFAULT_ANTHROPIC_BASE_URL,
  };
  const client = new Anthropic({
    apiKey: options.apiKey,
    baseURL: ctx.baseURL,
    maxRetries: ctx.maxRetries,
    timeout: ctx.timeoutMs,
  });

  return {
    async send(request: ModelRequest, sendOptions: SendOptions = {}): Promise<ModelResponse> {
      const { signal, onText } = sendOptions;
      try {
        const stream = client.messages.stream(toAnthropicParams(request), signal ? { signal } : {});
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
        return fromAnthropicMessage(message);
      } catch (error) {
        throw mapAnthropicError(error, ctx);
      }
    },
  };
}
