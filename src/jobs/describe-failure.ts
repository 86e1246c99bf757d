import { ConfigError, SpecwrightError } from "../core/errors.js";
import { formatConfigProblems } from "../core/config/parse-config.js";
import { redactSecrets } from "../core/redact-secrets.js";

const sentence = (text: string): string => {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
};

/** A job failure in plain words: what happened and what to do about it. */
export interface FailureDescription {
  cause: string;
  details: { message: string }[];
}

/**
 * Turns anything a job threw into words for the progress comment: Specwright's named errors
 * give their message and hint (model overloaded, GitHub permission missing, bad config at line
 * N…); anything else is reported as unexpected with its message. Secrets are redacted.
 */
export function describeFailure(error: unknown): FailureDescription {
  if (error instanceof ConfigError) {
    return {
      cause: redactSecrets(`${sentence(error.message)} ${error.hint ?? ""}`.trim()),
      details: formatConfigProblems(error.problems)
        .split("\n")
        .map((message) => ({ message: redactSecrets(message) })),
    };
  }
  if (error instanceof SpecwrightError) {
    const hint = error.hint ? ` ${sentence(error.hint)}` : "";
    return { cause: redactSecrets(`${sentence(error.message)}${hint}`), details: [] };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    cause: redactSecrets(
      `An unexpected error stopped the job: ${sentence(message)} Retry; if it happens again, report it.`,
    ),
    details: [],
  };
}
