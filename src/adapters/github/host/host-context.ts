import type { GitHostErrorReason } from "../../../ports/git-host.js";

/**
 * The part of an Octokit the Git host uses: only `request`. `new Octokit()` from
 * `@octokit/rest` and Probot's `context.octokit` both fit (with or without retry/throttle plugins).
 */
export interface GithubHostOctokit {
  request: {
    (
      route: string,
      parameters?: Record<string, unknown>,
    ): Promise<{ data: unknown; status: number; headers: Readonly<Record<string, unknown>> }>;
    /** Octokit's defaults; its `baseUrl` tells where the GraphQL endpoint is on GitHub Enterprise Server. */
    endpoint?: { DEFAULTS?: { baseUrl?: string } };
  };
}

/** The repository a host works on and how it talks to GitHub. */
export interface HostContext {
  octokit: GithubHostOctokit;
  owner: string;
  repo: string;
  /** `owner/repo`. */
  repository: string;
  /** The app's login, e.g. `specwright[bot]`. */
  botLogin: string;
  /** The process environment: values of its secret-looking variables are redacted from all posted text. */
  secretEnv: Readonly<Record<string, string | undefined>>;
}

/** What a request is for, so a failure can be explained in plain words. */
export interface HostOperation {
  /** Completes "Could not …", e.g. `create the commit on specwright/spec-login`. */
  what: string;
  /** The installation permission the request needs, e.g. `Contents: write`. */
  permission: string;
  /** Replaces the generic advice for a 404. */
  notFoundHint?: string;
  /** Replaces the generic advice for a 422, keyed by a phrase of GitHub's message. */
  validationHints?: readonly { match: RegExp; hint: string; reason?: GitHostErrorReason }[];
}
