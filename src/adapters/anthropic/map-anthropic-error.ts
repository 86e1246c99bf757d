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

/** What the error mapping needs to know about the client that failed. */
export interface ErrorContext {
  /** How many times the SDK retries a retryable failure. */
  maxRetries: number;
  /** Request timeout in milliseconds. */
  timeoutMs: number;
  baseURL: string;
}

function retries(n: number): string {
  return n === 0 ? "with retries turned off" : `after ${n} ${n === 1 ? "retry" : "retries"}`;
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
      `Anthropic is overloaded (${code}) ${retries(ctx.maxRetries)}.`,
      rerun,
      status,
      requestId,
    );
  }
  if (status === 429 || error.type === "rate_limit_error") {
    const after = error.headers?.get("retry-after");
    return new ModelRateLimitError(
      `Anthropic rate-limited the requests (${code}) ${retries(ctx.maxRetries)}${after ? `; it asked to wait ${after}s` : ""}.`,
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
      `Anthropic failed with a server error (${code}) ${retries(ctx.maxRetries)}${detail(error)}.`,
      rerun,
      status,
      requestId,
    );
  }
  if (status === undefined && error.type === "api_error") {
    return new ModelRequestError(
      `Anthropic failed while streaming the answer${detail(error)}.`,
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
 * message and a hint. Errors that did not come from the SDK (programming errors) are returned
 * unchanged so they surface as bugs.
 */
export function mapAnthropicError(error: unknown, ctx: ErrorContext): unknown {
  if (error instanceof ModelError) return error;
  if (error instanceof APIUserAbortError) {
    return new ModelAbortedError(
      "The model request was cancelled.",
      "Nothing to do: the run was stopped on purpose.",
    );
  }
  if (error instanceof APIConnectionTimeoutError) {
    return new ModelConnectionError(
      `Anthropic did not answer within ${Math.round(ctx.timeoutMs / 1000)}s ${retries(ctx.maxRetries)}.`,
      "Check the network and ANTHROPIC_BASE_URL, or rerun later.",
    );
  }
  if (error instanceof APIConnectionError) {
    const cause = error.cause instanceof Error ? `: ${redactSecrets(error.cause.message)}` : "";
    return new ModelConnectionError(
      `Could not reach the Anthropic API at ${ctx.baseURL} ${retries(ctx.maxRetries)}${cause}.`,
      "Check the network, proxies and ANTHROPIC_BASE_URL.",
    );
  }
  if (error instanceof APIError) return fromApiError(error, ctx);
  if (error instanceof AnthropicError) {
    return new ModelRequestError(
      `The Anthropic client failed: ${redactSecrets(error.message)}`,
      "Rerun; if it keeps failing, report it with this message.",
    );
  }
  return error;
}
