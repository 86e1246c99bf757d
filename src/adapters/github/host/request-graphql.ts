import { z } from "zod";
import { redactSecrets } from "../../../core/redact-secrets.js";
import { GitHostError } from "../../../ports/git-host.js";
import type { HostContext, HostOperation } from "./host-context.js";
import { mapHostError } from "./map-host-error.js";

/** One entry of a GraphQL answer's `errors`, e.g. `{ type: "STALE_DATA", field: "createCommitOnBranch" }`. */
export interface GraphqlProblem {
  /** GitHub's error type (`NOT_FOUND`, `FORBIDDEN`, `STALE_DATA`…), when it gives one. */
  type: string | undefined;
  /** `extensions.code` of schema errors, e.g. `undefinedField`. */
  code: string | undefined;
  /** The top-level field (mutation) the error belongs to, when GitHub says. */
  field: string | undefined;
  message: string;
}

/** A GraphQL answer: what resolved (null fields stay null) and what failed. */
export interface GraphqlAnswer {
  data: Record<string, unknown>;
  problems: GraphqlProblem[];
}

const answerSchema = z.object({
  data: z.record(z.string(), z.unknown()).nullable().optional(),
  errors: z
    .array(
      z.object({
        type: z.string().optional(),
        message: z.string().optional(),
        path: z.array(z.union([z.string(), z.number()])).optional(),
        extensions: z.object({ code: z.string().optional() }).optional(),
      }),
    )
    .optional(),
});

/**
 * Where GraphQL lives: `…/graphql` next to the REST API on github.com, `…/api/graphql` (not
 * `…/api/v3/graphql`) on GitHub Enterprise Server, as `@octokit/graphql` does it.
 */
function graphqlBaseUrl(ctx: HostContext): Record<string, string> {
  const base = ctx.octokit.request.endpoint?.DEFAULTS?.baseUrl;
  return base !== undefined && /\/api\/v3\/?$/.test(base)
    ? { baseUrl: base.replace(/\/api\/v3\/?$/, "/api") }
    : {};
}

/**
 * Sends one GraphQL document (`POST /graphql`) and returns its data and errors. GitHub answers
 * failures of single fields with HTTP 200 and an `errors` list, so nothing is thrown for those
 * (a mutation document may partly succeed); use `graphqlProblemError` to turn one into a
 * `GitHostError`. HTTP failures throw through `mapHostError`, a body of the wrong shape as
 * `unexpected-response`.
 */
export async function requestGraphql(
  ctx: HostContext,
  op: HostOperation,
  query: string,
  variables: Record<string, unknown>,
): Promise<GraphqlAnswer> {
  let body: unknown;
  try {
    ({ data: body } = await ctx.octokit.request("POST /graphql", {
      query,
      variables,
      ...graphqlBaseUrl(ctx),
    }));
  } catch (error) {
    throw mapHostError(error, op, ctx.repository, ctx.secretEnv);
  }
  const parsed = answerSchema.safeParse(body);
  if (!parsed.success) {
    throw new GitHostError(
      `Could not ${op.what} in ${ctx.repository}: GitHub's GraphQL answer was not as expected`,
      "A proxy or an older GitHub Enterprise version may have changed the response; retry, and report it if it persists.",
      "unexpected-response",
    );
  }
  return {
    data: parsed.data.data ?? {},
    problems: (parsed.data.errors ?? []).map((e) => ({
      type: e.type,
      code: e.extensions?.code,
      field: typeof e.path?.[0] === "string" ? e.path[0] : undefined,
      message: redactSecrets(e.message ?? "unknown error", ctx.secretEnv).slice(0, 500),
    })),
  };
}

/**
 * True when the server's schema lacks what the document uses (an older GitHub Enterprise
 * Server without `createCommitOnBranch`): the caller falls back to the REST API. Such a
 * document is refused as a whole, so nothing of it ran.
 */
export function isSchemaMismatch(problems: readonly GraphqlProblem[]): boolean {
  return problems.some(
    (p) =>
      p.code === "undefinedField" ||
      p.code === "undefinedType" ||
      /doesn't exist on type|isn't a defined input type|doesn't accept argument/i.test(p.message),
  );
}

/**
 * A GraphQL error in plain words, classified like its REST counterpart: `NOT_FOUND` → not-found,
 * `FORBIDDEN` → permission, `RATE_LIMITED` → rate-limit, other types by `op.validationHints`
 * (matched against the type and GitHub's message), else validation.
 */
export function graphqlProblemError(
  ctx: HostContext,
  op: HostOperation,
  problem: GraphqlProblem,
): GitHostError {
  const failed = `Could not ${op.what} in ${ctx.repository}`;
  const make = (reason: GitHostError["reason"], detail: string, hint: string) =>
    new GitHostError(`${failed}: ${detail}`, hint, reason, undefined, problem.message);
  if (problem.type === "NOT_FOUND") {
    return make(
      "not-found",
      `GitHub could not find it: ${problem.message}`,
      op.notFoundHint ?? `Check that it still exists and that the app is installed on ${ctx.repository}.`,
    );
  }
  if (problem.type === "FORBIDDEN") {
    return make(
      "permission",
      `GitHub refused it: ${problem.message}`,
      `The app needs the "${op.permission}" permission; check the installation's permissions and accept any pending permission request.`,
    );
  }
  if (problem.type === "RATE_LIMITED") {
    return make(
      "rate-limit",
      `GitHub's rate limit was reached: ${problem.message}`,
      "Retry in a few minutes.",
    );
  }
  const said = `${problem.type ?? ""} ${problem.message}`;
  const known = op.validationHints?.find((h) => h.match.test(said));
  return make(
    known?.reason ?? "validation",
    `GitHub refused the request: ${problem.message}`,
    known?.hint ?? "Check the values sent (branch, path, SHA) and retry; report it if it persists.",
  );
}
