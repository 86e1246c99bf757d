import {
  AnthropicError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from "@anthropic-ai/sdk";
import {
  ModelAbortedError,
  ModelAuthError,
  ModelConnectionError,
  ModelError,
  ModelOverloadedError,
  ModelRateLimitError,
  ModelRequestError,
} from "../../core/model-errors.js";
import { redactSecrets } from "../../core/redact-secrets.js";

/** What the error mapping needs to know about the call that failed. */
export interface ErrorContext {
  /** How many retries were allowed. */
  maxRetries: number;
  /** How many retries were actually made before giving up (attempts - 1). */
  retries: number;
  /** Total time one attempt may take, in milliseconds. */
  timeoutMs: number;
  /** How long the stream may stay silent, in milliseconds. */
  idleTimeoutMs: number;
  baseURL: string;
}

/** `after 2 retries`, `with retries turned off`, or `and was not retried`: worded by the attempts made. */
function retries(ctx: ErrorContext): string {
  const n = ctx.retries;
  if (n > 0) return `after ${n} ${n === 1 ? "retry" : "retries"}`;
  return ctx.maxRetries === 0 ? "with retries turned off" : "and was not retried";
}

const seconds = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 1000)}s`);

/**
 * The error of an attempt that Specwright itself ended: a stream that stalled for
 * `idleTimeoutMs`, an attempt past its total `timeoutMs`, or the caller's abort.
 */
export function mapStoppedAttempt(cause: "idle" | "deadline" | "aborted", ctx: ErrorContext): ModelError {
  if (cause === "aborted") {
    return new ModelAbortedError(
      "The model request was cancelled.",
      "Nothing to do: the run was stopped on purpose.",
    );
  }
  if (cause === "idle") {
    return new ModelConnectionError(
      `Anthropic's answer stalled: nothing arrived for ${seconds(ctx.idleTimeoutMs)}, so the request was stopped ${retries(ctx)}.`,
      "Check the network and any proxy between you and the API (ANTHROPIC_BASE_URL), or rerun later.",
    );
  }
  return new ModelConnectionError(
    `Anthropic's answer took longer than ${seconds(ctx.timeoutMs)} in total, so the request was stopped.`,
    "Lower the output size (budgets.maxOutputTokensPerAgent) or rerun later.",
  );
}

function detail(error: APIError): string {
  const parts = [error.type, error.apiMessage].filter(
    (p): p is string => typeof p === "string" && p.length > 0,
  );
  return parts.length > 0 ? `: ${redactSecrets(parts.join(": "))}` : "";
}

function fromApiError(error: APIError, ctx: ErrorContext): ModelError {
  const status = typeof error.status === "number" ? error.status : undefined;
  const requestId = error.requestID ?? undefined;
  const code = status === undefined ? "mid-stream" : String(status);
  const rerun = "Rerun later; the job can be retried safely.";
  if (status === 529 || error.type === "overloaded_error") {
    return new ModelOverloadedError(
      `Anthropic is overloaded (${code}) ${retries(ctx)}.`,
      rerun,
      status,
      requestId,
    );
  }
  if (status === 429 || error.type === "rate_limit_error") {
    const after = error.headers?.get("retry-after");
    return new ModelRateLimitError(
      `Anthropic rate-limited the requests (${code}) ${retries(ctx)}${after ? `; it asked to wait ${after}s` : ""}.`,
      "Lower `concurrency` in .github/specwright.yml, or rerun later.",
      status,
      requestId,
    );
  }
  if (
    status === 401 ||
    status === 403 ||
    error.type === "authentication_error" ||
    error.type === "permission_error"
  ) {
    return new ModelAuthError(
      `Anthropic refused the API key (${code})${detail(error)}.`,
      "Check ANTHROPIC_API_KEY (and ANTHROPIC_BASE_URL if you use a gateway): the key must be valid and allowed to use the model.",
      status,
      requestId,
    );
  }
  if (status === 402 || error.type === "billing_error") {
    return new ModelRequestError(
      `Anthropic refused the request for billing reasons (${code})${detail(error)}.`,
      "Check the billing and credit balance of the Anthropic account.",
      status,
      requestId,
    );
  }
  if (status === 404 || error.type === "not_found_error") {
    return new ModelRequestError(
      `Anthropic did not find what was asked for (${code})${detail(error)}.`,
      "Check `model.name` in .github/specwright.yml: it must be a model id your key can use.",
      status,
      requestId,
    );
  }
  if (status !== undefined && status >= 500) {
    return new ModelRequestError(
      `Anthropic failed with a server error (${code}) ${retries(ctx)}${detail(error)}.`,
      rerun,
      status,
      requestId,
    );
  }
  if (status === undefined && error.type === "api_error") {
    return new ModelRequestError(
      `Anthropic failed while streaming the answer (mid-stream) ${retries(ctx)}${detail(error)}.`,
      rerun,
      status,
      requestId,
    );
  }
  return new ModelRequestError(
    `Anthropic refused the request (${code})${detail(error)}.`,
    "This is likely a Specwright bug or a request too large for the model; report it with the request id.",
    status,
    requestId,
  );
}

/**
 * Maps an error thrown by `@anthropic-ai/sdk` into a named `ModelError` with a plain-words
 * message and a hint, worded by the retries actually made. Errors that did not come from the
 * SDK (programming errors) are returned unchanged so they surface as bugs.
 */
export function mapAnthropicError(error: unknown, ctx: ErrorContext): unknown {
  if (error instanceof ModelConnectionError && ctx.retries > 0) {
    return new ModelConnectionError(
      `${error.message.replace(/\.$/, "")} (${retries(ctx)}).`,
      error.hint ?? "",
    );
  }
  if (error instanceof ModelError) return error;
  if (error instanceof APIUserAbortError) {
    return new ModelAbortedError(
      "The model request was cancelled.",
      "Nothing to do: the run was stopped on purpose.",
    );
  }
  if (error instanceof APIConnectionTimeoutError) {
    return new ModelConnectionError(
      `Anthropic did not answer within ${seconds(ctx.timeoutMs)} ${retries(ctx)}.`,
      "Check the network and ANTHROPIC_BASE_URL, or rerun later.",
    );
  }
  if (error instanceof APIConnectionError) {
    const cause = error.cause instanceof Error ? `: ${redactSecrets(error.cause.message)}` : "";
    return new ModelConnectionError(
      `Could not reach the Anthropic API at ${ctx.baseURL} ${retries(ctx)}${cause}.`,
      "Check the network, proxies and ANTHROPIC_BASE_URL.",
    );
  }
  if (error instanceof APIError) return fromApiError(error, ctx);
  if (error instanceof AnthropicError && error.cause instanceof Error) {
    return new ModelConnectionError(
      `The connection to Anthropic broke while the answer was streaming ${retries(ctx)}: ${redactSecrets(error.cause.message)}.`,
      "Check the network, proxies and ANTHROPIC_BASE_URL, or rerun later.",
    );
  }
  if (error instanceof AnthropicError) {
    return new ModelRequestError(
      `The Anthropic client failed: ${redactSecrets(error.message)}`,
      "Rerun; if it keeps failing, report it with this message.",
    );
  }
  return error;
}
