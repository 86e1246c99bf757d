import { redactSecrets } from "../../../core/redact-secrets.js";
import { GitHostError } from "../../../ports/git-host.js";
import type { HostOperation } from "./host-context.js";

interface RawRequestError {
  status?: unknown;
  message?: unknown;
  response?: { headers?: unknown; data?: unknown };
}

function header(headers: unknown, name: string): string | undefined {
  if (typeof headers !== "object" || headers === null) return undefined;
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}

/** GitHub's own words: `message` plus the messages/codes of `errors[]`, without the docs link. */
function githubText(
  raw: RawRequestError | null,
  fallback: string,
  env: Readonly<Record<string, string | undefined>>,
): string {
  const data = raw?.response?.data;
  const parts: string[] = [];
  if (typeof data === "object" && data !== null) {
    const body = data as { message?: unknown; errors?: unknown };
    if (typeof body.message === "string") parts.push(body.message);
    if (Array.isArray(body.errors)) {
      for (const item of body.errors as unknown[]) {
        if (typeof item === "string") parts.push(item);
        else if (typeof item === "object" && item !== null) {
          const e = item as { message?: unknown; code?: unknown; field?: unknown };
          const said =
            typeof e.message === "string" ? e.message : typeof e.code === "string" ? e.code : undefined;
          if (said !== undefined) parts.push(typeof e.field === "string" ? `${e.field}: ${said}` : said);
        }
      }
    }
  }
  const text =
    parts.length > 0 ? parts.join("; ") : fallback.replace(/ - https:\/\/docs\.github\.com\S*$/, "");
  return redactSecrets(text, env).slice(0, 500);
}

function rateLimitHint(headers: unknown): string {
  const retryAfter = Number(header(headers, "retry-after"));
  if (Number.isFinite(retryAfter) && retryAfter > 0) return `Wait ${Math.ceil(retryAfter)} s, then retry.`;
  const reset = Number(header(headers, "x-ratelimit-reset"));
  if (Number.isFinite(reset) && reset > 0) return `Retry after ${new Date(reset * 1000).toISOString()}.`;
  return "Retry in a few minutes.";
}

/**
 * Turns whatever a failed Octokit request threw into a `GitHostError` with a plain-words message
 * and a hint: 401 credentials, 403/429 rate limits, other 403s (the missing installation
 * permission), 404, 409, 422 (with `op.validationHints` for known GitHub messages), 5xx and
 * network failures. GitHub's words are redacted (with `env`'s secret values too). An error that
 * is already a `GitHostError` is returned unchanged.
 */
export function mapHostError(
  error: unknown,
  op: HostOperation,
  repository: string,
  env: Readonly<Record<string, string | undefined>> = {},
): GitHostError {
  if (error instanceof GitHostError) return error;
  const raw = typeof error === "object" && error !== null ? (error as RawRequestError) : null;
  const status = typeof raw?.status === "number" ? raw.status : undefined;
  const fallback = typeof raw?.message === "string" ? raw.message : String(error);
  const said = githubText(raw, fallback, env);
  const headers = raw?.response?.headers;
  const failed = `Could not ${op.what} in ${repository}`;

  // @octokit/request reports a failed fetch (DNS, reset, timeout) as status 500 without a response.
  if (status === undefined || (status === 500 && raw?.response === undefined)) {
    return new GitHostError(
      `${failed}: GitHub could not be reached (${said})`,
      "Check the network connection and retry.",
      "network",
    );
  }
  const make = (reason: GitHostError["reason"], detail: string, hint: string) =>
    new GitHostError(`${failed}: ${detail} (HTTP ${status})`, hint, reason, status, said);

  if (status === 401) {
    return make(
      "auth",
      "GitHub rejected the app's credentials",
      "Check the app id, private key and installation; reinstall the app if it was removed.",
    );
  }
  if (
    status === 429 ||
    (status === 403 && (header(headers, "x-ratelimit-remaining") === "0" || /rate limit/i.test(said)))
  ) {
    return make("rate-limit", `GitHub's rate limit was reached: ${said}`, rateLimitHint(headers));
  }
  if (status === 403) {
    return make(
      "permission",
      `GitHub refused it: ${said}`,
      `The app needs the "${op.permission}" permission; check the installation's permissions (repository or organization Settings → GitHub Apps → Configure) and accept any pending permission request.`,
    );
  }
  if (status === 404) {
    return make(
      "not-found",
      `GitHub could not find it: ${said}`,
      op.notFoundHint ??
        `Check that it still exists and that the app is installed on ${repository} (GitHub answers 404 for private resources the app cannot see).`,
    );
  }
  if (status === 409) {
    return make(
      "conflict",
      `GitHub reported a conflict: ${said}`,
      "The repository changed or is empty; push a first commit if it is empty, then retry.",
    );
  }
  if (status === 422) {
    const known = op.validationHints?.find((h) => h.match.test(said));
    return make(
      known?.reason ?? "validation",
      `GitHub refused the request: ${said}`,
      known?.hint ?? "Check the values sent (branch, path, line, SHA) and retry; report it if it persists.",
    );
  }
  if (status >= 500) {
    return make("server", `GitHub failed: ${said}`, "GitHub had a temporary problem; retry in a moment.");
  }
  return make(
    "validation",
    `GitHub refused the request: ${said}`,
    "Retry; report it with this message if it persists.",
  );
}
