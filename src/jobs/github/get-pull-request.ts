import { z } from "zod";
import type { GithubHostOctokit } from "../../adapters/github/create-github-host.js";
import { requestGithub } from "./request-github.js";

const pullSchema = z.object({
  number: z.number().int().positive(),
  state: z.string(),
  html_url: z.string(),
  title: z.string(),
  body: z
    .string()
    .nullish()
    .transform((b) => b ?? ""),
  head: z.object({
    ref: z.string(),
    sha: z.string(),
    repo: z.object({ full_name: z.string() }).nullish(),
  }),
  base: z.object({ ref: z.string() }),
});

/** A pull request as `/spec check` and `/spec revise` need it. */
export type PullRequestDetails = z.output<typeof pullSchema>;

/** Reads a pull request by number (1 request). */
export async function getPullRequest(
  octokit: GithubHostOctokit,
  repo: { owner: string; repo: string },
  pullNumber: number,
): Promise<PullRequestDetails> {
  return requestGithub(
    octokit,
    repo,
    { what: `read pull request #${pullNumber}`, permission: "Pull requests: read" },
    "GET /repos/{owner}/{repo}/pulls/{pull_number}",
    { pull_number: pullNumber },
    pullSchema,
  );
}
