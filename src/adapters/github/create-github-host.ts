import { GitHostError, type GitHost } from "../../ports/git-host.js";
import { createBranchMethods } from "./host/create-branch-methods.js";
import { createCheckMethods } from "./host/create-check-methods.js";
import { createConversationMethods } from "./host/create-conversation-methods.js";
import { createPullRequestMethods } from "./host/create-pull-request-methods.js";
import type { GithubHostOctokit, HostContext } from "./host/host-context.js";

export type { GithubHostOctokit } from "./host/host-context.js";

/** Options of `createGithubHost`. */
export interface GithubHostOptions {
  /** Probot's `context.octokit` (an installation client) or `new Octokit()` from `@octokit/rest`. */
  octokit: GithubHostOctokit;
  owner: string;
  repo: string;
  /** The app's login, `<app slug>[bot]`; identifies Specwright's own comments and commits. */
  botLogin: string;
  /**
   * The process environment (e.g. `process.env`): the values of its secret-looking variables
   * (`…KEY`, `…TOKEN`, `…SECRET`…) are redacted from every text the host posts, on top of the
   * known token shapes. Defaults to none.
   */
  secretEnv?: Readonly<Record<string, string | undefined>>;
}

/**
 * The `GitHost` port over GitHub's REST API for one repository. Only `octokit.request` is used,
 * so any Octokit fits; retries and rate-limit pacing are the client's plugins' business (Probot's
 * client has them). Responses are validated with zod and every failure is a `GitHostError` with a
 * hint, e.g. a 403 names the installation permission the app is missing.
 */
export function createGithubHost(options: GithubHostOptions): GitHost {
  const { octokit, owner, repo, botLogin } = options;
  const name = /^[A-Za-z0-9_.-]+$/;
  if (!name.test(owner) || !name.test(repo)) {
    throw new GitHostError(
      `"${owner}/${repo}" is not a valid GitHub repository name`,
      "Use the form owner/name.",
      "invalid-request",
    );
  }
  if (!/^[A-Za-z0-9-]+\[bot\]$/.test(botLogin)) {
    throw new GitHostError(
      `"${botLogin}" is not a GitHub App bot login`,
      "Pass the app's slug followed by [bot], e.g. `specwright[bot]`.",
      "invalid-request",
    );
  }
  const ctx: HostContext = {
    octokit,
    owner,
    repo,
    repository: `${owner}/${repo}`,
    botLogin,
    secretEnv: options.secretEnv ?? {},
  };
  return {
    repository: ctx.repository,
    botLogin,
    ...createBranchMethods(ctx),
    ...createPullRequestMethods(ctx),
    ...createConversationMethods(ctx),
    ...createCheckMethods(ctx),
  };
}
