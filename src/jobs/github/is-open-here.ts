import type { PullRequestDetails } from "./get-pull-request.js";

/** The pull request is open and its head branch is in `repository` (`owner/repo`), not in a fork. */
export function isOpenHere(pr: PullRequestDetails, repository: string): boolean {
  return pr.state === "open" && (pr.head.repo?.full_name ?? "").toLowerCase() === repository.toLowerCase();
}
