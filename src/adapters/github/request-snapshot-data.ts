import type { z } from "zod";
import { SnapshotError } from "../../core/errors.js";
import { redactSecrets } from "../../core/redact-secrets.js";

/**
 * The part of an Octokit the GitHub snapshot uses. `new Octokit()` from `@octokit/rest` and
 * Probot's `context.octokit` both fit; tests can pass either.
 */
export interface SnapshotOctokit {
  request(route: string, parameters?: Record<string, unknown>): Promise<{ data: unknown }>;
}

/** What a request is for, so errors can say it in plain words. */
export interface SnapshotRequestSubject {
  /** `owner/repo`. */
  repo: string;
  /** E.g. `the ref "main"`, `the file tree of 1a2b3c4`. */
  what: string;
  /** Hint for a 404/422 answer. */
  notFoundHint: string;
}

/**
 * Sends one GitHub API request and validates the response body with `schema`. Every failure
 * becomes a `SnapshotError` with a hint: 404/422 (not found), 401 (credentials), 403/429 rate
 * limits (with the reset time), other 403s (permissions), 409 (empty repository), network
 * errors, and a response that does not have the expected shape.
 */
export async function requestSnapshotData<T>(
  octokit: SnapshotOctokit,
  route: string,
  parameters: Record<string, unknown>,
  schema: z.ZodType<T>,
  subject: SnapshotRequestSubject,
): Promise<T> {
  let data: unknown;
  try {
    ({ data } = await octokit.request(route, parameters));
  } catch (error) {
    throw describeRequestError(error, subject);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at "${issue.path.join(".")}"` : "";
    throw new SnapshotError(
      `GitHub answered with an unexpected response for ${subject.what} in ${subject.repo}${where}: ${issue?.message ?? "invalid"}`,
      "This usually means a proxy or GitHub Enterprise version changed the API response; try again, and report it if it persists.",
    );
  }
  return parsed.data;
}

function header(headers: unknown, name: string): string | undefined {
  if (typeof headers !== "object" || headers === null) return undefined;
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}

function describeRequestError(error: unknown, subject: SnapshotRequestSubject): SnapshotError {
  const raw = error as { status?: unknown; message?: unknown; response?: { headers?: unknown } } | null;
  const status = typeof raw?.status === "number" ? raw.status : undefined;
  const detail = redactSecrets(typeof raw?.message === "string" ? raw.message : String(error));
  const about = `${subject.what} in ${subject.repo}`;
  const headers = raw?.response?.headers;

  // Octokit reports a failed fetch (DNS, reset connection, timeout) as status 500 without a response.
  if (status === undefined || raw?.response === undefined) {
    return new SnapshotError(
      `Could not reach GitHub to read ${about}: ${detail}`,
      "Check the network connection and try again.",
    );
  }
  if (status === 404 || status === 422) {
    return new SnapshotError(`GitHub could not find ${about} (HTTP ${status})`, subject.notFoundHint);
  }
  if (status === 401) {
    return new SnapshotError(
      `GitHub rejected the credentials used to read ${about} (HTTP 401)`,
      "Check the token (or the GitHub App's private key and installation) and try again.",
    );
  }
  const remaining = header(headers, "x-ratelimit-remaining");
  if (status === 429 || (status === 403 && (remaining === "0" || /rate limit/i.test(detail)))) {
    const reset = Number(header(headers, "x-ratelimit-reset"));
    const when =
      Number.isFinite(reset) && reset > 0
        ? ` after ${new Date(reset * 1000).toISOString()}`
        : " in a few minutes";
    return new SnapshotError(
      `GitHub's API rate limit was reached while reading ${about} (HTTP ${status})`,
      `Try again${when}, or use a token (or GitHub App installation) with a higher rate limit.`,
    );
  }
  if (status === 403) {
    return new SnapshotError(
      `GitHub refused access to ${about} (HTTP 403): ${detail}`,
      "Give the token or GitHub App read access to the repository's contents.",
    );
  }
  if (status === 409) {
    return new SnapshotError(
      `The repository ${subject.repo} is empty (HTTP 409)`,
      "Push a first commit, then run again.",
    );
  }
  return new SnapshotError(
    `GitHub failed to return ${about} (HTTP ${status}): ${detail}`,
    "This is usually temporary: try again in a moment.",
  );
}
