import { AnthropicError, APIConnectionError, APIError, APIUserAbortError } from "@anthropic-ai/sdk";
import { ModelConnectionError } from "../../core/model-errors.js";
import type { AttemptOutcome } from "./stream-attempt.js";

/** The longest `retry-after` Specwright waits for; a longer one ends the call instead. */
export const MAX_RETRY_AFTER_MS = 60_000;

type Failure = Extract<AttemptOutcome, { ok: false }>;

/** Exponential backoff with up to 25 % jitter: base, 2×, 4×… capped at 16× base (the SDK's 0.5 s → 8 s). */
export function backoffMs(
  retryIndex: number,
  baseDelayMs: number,
  random: () => number = Math.random,
): number {
  const delay = Math.min(baseDelayMs * 2 ** retryIndex, baseDelayMs * 16);
  return Math.round(delay * (1 - random() * 0.25));
}

/** What the `retry-after-ms` / `retry-after` headers ask for, in ms; undefined when absent or unreadable. */
export function retryAfterMs(headers: Headers | undefined, now: number = Date.now()): number | undefined {
  const ms = parseFloat(headers?.get("retry-after-ms") ?? "");
  if (Number.isFinite(ms) && ms > 0) return ms;
  const raw = headers?.get("retry-after");
  if (!raw) return undefined;
  const seconds = parseFloat(raw);
  if (Number.isFinite(seconds)) return seconds > 0 ? seconds * 1000 : undefined;
  const date = Date.parse(raw);
  return Number.isFinite(date) && date > now ? date - now : undefined;
}

function statusRetryable(error: APIError): boolean {
  const asked = error.headers?.get("x-should-retry");
  if (asked === "true") return true;
  if (asked === "false") return false;
  const status = error.status as number;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * How long to wait before retrying a failed attempt, or undefined when it must not be retried.
 * Retried, as the SDK would: HTTP 408/409/429/5xx/529 (or whatever `x-should-retry` says),
 * connection failures and timeouts before the answer. Also retried, which the SDK does not do:
 * `overloaded_error` / `api_error` events in the middle of a stream, a connection that broke
 * or a stream that ended early while the answer was streaming, and a stalled stream (`idle`).
 * Not retried: the caller's abort, the attempt's total deadline, other 4xx. The server's
 * `retry-after-ms` / `retry-after` is honoured up to `MAX_RETRY_AFTER_MS` (a longer wait ends
 * the call); otherwise exponential backoff from `baseDelayMs`.
 */
export function retryDelay(failure: Failure, retryIndex: number, baseDelayMs: number): number | undefined {
  const backoff = () => backoffMs(retryIndex, baseDelayMs);
  if (failure.cause === "idle") return backoff();
  if (failure.cause !== "error") return undefined;
  const { error } = failure;
  if (error instanceof APIUserAbortError) return undefined;
  if (error instanceof APIConnectionError) return backoff();
  if (error instanceof APIError) {
    if (typeof error.status !== "number") {
      return error.type === "overloaded_error" || error.type === "api_error" ? backoff() : undefined;
    }
    if (!statusRetryable(error)) return undefined;
    const asked = retryAfterMs(error.headers);
    if (asked === undefined) return backoff();
    return asked <= MAX_RETRY_AFTER_MS ? asked : undefined;
  }
  if (error instanceof ModelConnectionError) return backoff();
  if (error instanceof AnthropicError && error.cause instanceof Error) return backoff();
  return undefined;
}
