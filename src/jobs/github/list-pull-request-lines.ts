import { z } from "zod";
import type { GithubHostOctokit } from "../../adapters/github/create-github-host.js";
import { parsePatchLines } from "../parse-patch-lines.js";
import { requestGithub } from "./request-github.js";

const filesSchema = z.array(z.object({ filename: z.string(), patch: z.string().optional() }));

/**
 * The new-side line numbers of each file in a pull request's diff: the only lines GitHub
 * accepts review comments on (1 request per 100 files, at most 3 pages). Files without a patch
 * (binary or too large) map to an empty set.
 */
export async function listPullRequestLines(
  octokit: GithubHostOctokit,
  repo: { owner: string; repo: string },
  pullNumber: number,
): Promise<Map<string, Set<number>>> {
  const lines = new Map<string, Set<number>>();
  for (let page = 1; page <= 3; page += 1) {
    const files = await requestGithub(
      octokit,
      repo,
      { what: `list the files of pull request #${pullNumber}`, permission: "Pull requests: read" },
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/files",
      { pull_number: pullNumber, per_page: 100, page },
      filesSchema,
    );
    for (const f of files) lines.set(f.filename, parsePatchLines(f.patch ?? ""));
    if (files.length < 100) break;
  }
  return lines;
}
