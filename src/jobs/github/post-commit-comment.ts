import { z } from "zod";
import type { GithubHostOctokit } from "../../adapters/github/create-github-host.js";
import { requestGithub } from "./request-github.js";

/** Comments on a commit (used where a push has no conversation to answer in). 1 request. */
export async function postCommitComment(
  octokit: GithubHostOctokit,
  repo: { owner: string; repo: string },
  sha: string,
  body: string,
): Promise<void> {
  await requestGithub(
    octokit,
    repo,
    { what: `comment on commit ${sha.slice(0, 7)}`, permission: "Contents: write" },
    "POST /repos/{owner}/{repo}/commits/{commit_sha}/comments",
    { commit_sha: sha, body },
    z.unknown(),
  );
}
