import { openGithubSnapshot } from "../../adapters/github/open-github-snapshot.js";
import type { RepoSnapshot } from "../../ports/repo-snapshot.js";
import type { JobContext } from "../job-services.js";

/** The job's repository at `ref` (a commit SHA or a branch name), read through the job's client. */
export function openRepoSnapshot(ctx: JobContext, ref: string): Promise<RepoSnapshot> {
  return openGithubSnapshot({ octokit: ctx.octokit, owner: ctx.repo.owner, repo: ctx.repo.repo, ref });
}
