import { Octokit } from "@octokit/rest";
import { createGithubHost } from "../../../../src/adapters/github/create-github-host.js";
import type { GitHost } from "../../../../src/ports/git-host.js";

/** The GitHub API origin every host test nocks. */
export const API = "https://api.github.com";

/** Path prefix of the test repository. */
export const REPO = "/repos/acme/widgets";

export const BOT = "specwright[bot]";

/** A fake 40-hex object id made of one repeated character. */
export function sha(c: string): string {
  return c.repeat(40);
}

/**
 * A host on `acme/widgets` over a plain `@octokit/rest` client: it has no retry or throttling
 * plugin, so every nocked answer is seen exactly once and at once. `secretEnv` stands in for the
 * process environment whose secret values the host redacts.
 */
export function makeTestHost(secretEnv?: Readonly<Record<string, string | undefined>>): GitHost {
  const quiet = () => undefined;
  const octokit = new Octokit({
    auth: "test-token",
    log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
  });
  return createGithubHost({
    octokit,
    owner: "acme",
    repo: "widgets",
    botLogin: BOT,
    ...(secretEnv ? { secretEnv } : {}),
  });
}

/** Runs `promise` expecting a rejection and returns the error for assertions. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error("expected the promise to reject");
}
