import type { z } from "zod";
import type { GithubHostOctokit } from "../../adapters/github/create-github-host.js";
import type { HostOperation } from "../../adapters/github/host/host-context.js";
import { requestHost } from "../../adapters/github/host/request-host.js";

/**
 * One GitHub request for a job that the Git-host port does not cover, with the host's error
 * mapping (a `GitHostError` with a hint) and zod validation of the answer.
 */
export async function requestGithub<T>(
  octokit: GithubHostOctokit,
  repo: { owner: string; repo: string },
  op: HostOperation,
  route: string,
  parameters: Record<string, unknown>,
  schema: z.ZodType<T>,
): Promise<T> {
  const ctx = {
    octokit,
    owner: repo.owner,
    repo: repo.repo,
    repository: `${repo.owner}/${repo.repo}`,
    botLogin: "",
    // Errors end up in posted text, which the host redacts with the environment when posting.
    secretEnv: {},
  };
  return (await requestHost(ctx, op, route, parameters, schema)).data;
}
