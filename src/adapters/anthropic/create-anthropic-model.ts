import Anthropic from "@anthropic-ai/sdk";
import { ModelAbortedError, ModelAuthError, ModelError } from "../../core/model-errors.js";
import { addUsage, EMPTY_USAGE, totalInputTokens, type Usage } from "../../core/pricing/usage.js";
import type { ModelPort, ModelRequest, ModelResponse, SendOptions } from "../../ports/model.js";
import { mapAnthropicError, mapStoppedAttempt, type ErrorContext } from "./map-anthropic-error.js";
import { retryDelay } from "./retry-delay.js";
import { streamAttempt, type AttemptOutcome } from "./stream-attempt.js";
import { toAnthropicParams } from "./to-anthropic-params.js";

/** The public Anthropic API. */
export const DEFAULT_ANTHROPIC_BASE_URL = "https://api.anthropic.com";
/** Retries of one call (HTTP 408/409/429/5xx/529, connection failures, mid-stream errors, stalls). */
export const DEFAULT_MAX_RETRIES = 4;
/** Total time of one attempt, stream included: a 32k-token spec can stream for many minutes. */
export const DEFAULT_TIMEOUT_MS = 30 * 60 * 1000;
/** How long a stream may stay silent (no headers, no event) before the attempt is stopped. */
export const DEFAULT_IDLE_TIMEOUT_MS = 120 * 1000;
/** First backoff delay; doubled per retry up to 16× (0.5 s → 8 s), with jitter. */
export const DEFAULT_RETRY_DELAY_MS = 500;

/** Options of `createAnthropicModel`. */
export interface AnthropicModelOptions {
  apiKey: string;
  /** A proxy or gateway (the caller passes `ANTHROPIC_BASE_URL`). Defaults to the public API. */
  baseURL?: string;
  /** Default 4. `retry-after-ms` / `retry-after` are honoured (up to 60 s), else backoff 0.5 s → 8 s. */
  maxRetries?: number;
  /** Total time of one attempt in ms, stream included. Default 30 minutes. */
  timeoutMs?: number;
  /** Stop an attempt when nothing arrives for this long (ms). Default 120 s. */
  idleTimeoutMs?: number;
  /** First backoff delay in ms (tests lower it). Default 500. */
  retryDelayMs?: number;
}

const sleep = (ms: number, signal: AbortSignal | undefined) =>
  new Promise<boolean>((resolve) => {
    if (signal?.aborted) return resolve(false);
    const done = (completed: boolean) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      resolve(completed);
    };
    const onAbort = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });

const costs = (usage: Usage) => totalInputTokens(usage) + usage.outputTokens > 0;

/**
 * A `ModelPort` on the Anthropic Messages API through `@anthropic-ai/sdk`. Every call streams
 * (`messages.stream()` + `finalMessage()`), so long generations are not cut by HTTP timeouts,
 * and text deltas reach `onText` as they arrive. Each attempt is stopped when its stream stays
 * silent for `idleTimeoutMs` or runs past `timeoutMs` (`streamAttempt`). Failed attempts are
 * retried here, not by the SDK, so that errors in the middle of a stream and stalls are
 * retried too and messages say how many retries were really made (`retryDelay`); the request
 * body is the same on every attempt. Usage reported by failed attempts is added to the
 * response's (or the error's) usage, and once an attempt has cost tokens `mayRetry` is asked
 * before the next one. What still fails is rejected as a named `ModelError`. The key is sent
 * as `Authorization: Bearer <key>` by the SDK and never appears in messages. Environment
 * variables are not read here: pass them in.
 */
export function createAnthropicModel(options: AnthropicModelOptions): ModelPort {
  if (options.apiKey.trim() === "") {
    throw new ModelAuthError(
      "No Anthropic API key was given.",
      "Set ANTHROPIC_API_KEY to a key from console.anthropic.com.",
    );
  }
  const base: Omit<ErrorContext, "retries"> = {
    maxRetries: Math.max(0, options.maxRetries ?? DEFAULT_MAX_RETRIES),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    idleTimeoutMs: options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
    baseURL: options.baseURL ?? DEFAULT_ANTHROPIC_BASE_URL,
  };
  const retryDelayMs = options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
  // Retries happen in `send`, so the SDK must not retry on its own.
  const client = new Anthropic({
    apiKey: options.apiKey,
    baseURL: base.baseURL,
    maxRetries: 0,
    timeout: base.timeoutMs,
  });

  const fail = (outcome: Extract<AttemptOutcome, { ok: false }>, retries: number, spent: Usage) => {
    const ctx: ErrorContext = { ...base, retries };
    const mapped =
      outcome.cause === "error"
        ? mapAnthropicError(outcome.error, ctx)
        : mapStoppedAttempt(outcome.cause, ctx);
    if (mapped instanceof ModelError && costs(spent)) mapped.usage = spent;
    return mapped;
  };

  return {
    async send(request: ModelRequest, sendOptions: SendOptions = {}): Promise<ModelResponse> {
      const { signal, onText, mayRetry } = sendOptions;
      const params = toAnthropicParams(request);
      let spent: Usage = { ...EMPTY_USAGE };
      for (let retries = 0; ; retries += 1) {
        const outcome = await streamAttempt(client, params, {
          ...(signal ? { signal } : {}),
          ...(onText ? { onText } : {}),
          idleTimeoutMs: base.idleTimeoutMs,
          timeoutMs: base.timeoutMs,
        });
        if (outcome.ok) return { ...outcome.response, usage: addUsage(spent, outcome.response.usage) };
        spent = addUsage(spent, outcome.usage);
        const delay = retries < base.maxRetries ? retryDelay(outcome, retries, retryDelayMs) : undefined;
        const allowed = delay !== undefined && (!costs(spent) || (mayRetry?.(spent) ?? true));
        if (!allowed) throw fail(outcome, retries, spent);
        if (!(await sleep(delay, signal))) {
          const aborted = new ModelAbortedError(
            "The model request was cancelled.",
            "Nothing to do: the run was stopped on purpose.",
          );
          if (costs(spent)) aborted.usage = spent;
          throw aborted;
        }
      }
    },
  };
}
