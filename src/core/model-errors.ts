import { SpecwrightError } from "./errors.js";
import type { Usage } from "./pricing/usage.js";

/**
 * Errors a `ModelPort` rejects with. Provider-neutral: adapters map their SDK's errors into
 * these, and the agent loop turns any of them into a `model-error` result instead of crashing.
 */
export class ModelError extends SpecwrightError {
  override readonly name: string = "ModelError";
  /**
   * Tokens the provider reported for the failed call (e.g. input counted before a stream broke,
   * summed over the attempts made), so callers can still count them. Unset when none were reported.
   */
  usage?: Usage;
  constructor(
    message: string,
    hint: string,
    /** HTTP status, when the provider answered. */
    readonly status?: number,
    /** The provider's request id, for support tickets. */
    readonly requestId?: string,
  ) {
    super(message, hint);
  }
}

/** The provider is overloaded (Anthropic: HTTP 529 / `overloaded_error`) and retries did not help. */
export class ModelOverloadedError extends ModelError {
  override readonly name = "ModelOverloadedError";
}

/** The provider rate-limited us (HTTP 429) and retries did not help. */
export class ModelRateLimitError extends ModelError {
  override readonly name = "ModelRateLimitError";
}

/** The API key is missing, invalid or lacks permission (HTTP 401/403). Never retried. */
export class ModelAuthError extends ModelError {
  override readonly name = "ModelAuthError";
}

/** The request was refused (4xx) or the provider failed (5xx) for another reason. */
export class ModelRequestError extends ModelError {
  override readonly name = "ModelRequestError";
}

/** No answer: network failure or timeout (after retries). */
export class ModelConnectionError extends ModelError {
  override readonly name = "ModelConnectionError";
}

/** The caller aborted the request through its `AbortSignal`. */
export class ModelAbortedError extends ModelError {
  override readonly name = "ModelAbortedError";
}
