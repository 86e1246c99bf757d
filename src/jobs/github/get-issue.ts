import { z } from "zod";
import type { GithubHostOctokit } from "../../adapters/github/create-github-host.js";
import { requestGithub } from "./request-github.js";

const issueSchema = z.object({
  number: z.number().int().positive(),
  title: z.string(),
  body: z
    .string()
    .nullish()
    .transform((b) => b ?? ""),
  user: z.object({ login: z.string() }).nullish(),
  labels: z
    .array(z.union([z.string(), z.object({ name: z.string() })]))
    .transform((labels) => labels.map((l) => (typeof l === "string" ? l : l.name))),
  pull_request: z.object({}).passthrough().nullish(),
});

/** An issue as the job reads it when it starts (the title or body may have changed since the event). */
export type IssueInfo = z.output<typeof issueSchema>;

/** Reads an issue (1 request). */
export async function getIssue(
  octokit: GithubHostOctokit,
  repo: { owner: string; repo: string },
  issueNumber: number,
): Promise<IssueInfo> {
  return requestGithub(
    octokit,
    repo,
    { what: `read issue #${issueNumber}`, permission: "Issues: read" },
    "GET /repos/{owner}/{repo}/issues/{issue_number}",
    { issue_number: issueNumber },
    issueSchema,
  );
}
