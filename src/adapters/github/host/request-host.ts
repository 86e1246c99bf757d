import type { z } from "zod";
import { GitHostError } from "../../../ports/git-host.js";
import type { HostContext, HostOperation } from "./host-context.js";
import { mapHostError } from "./map-host-error.js";

/** A validated response. */
export interface HostResponse<T> {
  data: T;
  headers: Readonly<Record<string, unknown>>;
}

/**
 * Sends one request for the host's repository (`{owner}` and `{repo}` in the route are filled
 * in; absolute URLs such as a `Link` header's next page are sent as they are) and validates
 * the body with `schema`. Every failure becomes a `GitHostError`: request errors through
 * `mapHostError`, a body without the expected shape as `unexpected-response`.
 */
export async function requestHost<T>(
  ctx: HostContext,
  op: HostOperation,
  route: string,
  parameters: Record<string, unknown>,
  schema: z.ZodType<T>,
): Promise<HostResponse<T>> {
  let response: { data: unknown; headers: Readonly<Record<string, unknown>> };
  try {
    const repoParameters = route.includes("{owner}") ? { owner: ctx.owner, repo: ctx.repo } : {};
    response = await ctx.octokit.request(route, { ...repoParameters, ...parameters });
  } catch (error) {
    throw mapHostError(error, op, ctx.repository, ctx.secretEnv);
  }
  const parsed = schema.safeParse(response.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at "${issue.path.join(".")}"` : "";
    throw new GitHostError(
      `Could not ${op.what} in ${ctx.repository}: GitHub's answer was not as expected${where}: ${issue?.message ?? "invalid"}`,
      "A proxy or an older GitHub Enterprise version may have changed the response; retry, and report it if it persists.",
      "unexpected-response",
    );
  }
  return { data: parsed.data, headers: response.headers };
}
