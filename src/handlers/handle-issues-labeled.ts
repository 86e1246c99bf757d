import { branchLane, fullName, implementationTarget, issueSlug } from "../jobs/job-targets.js";
import type { LabelJob } from "../jobs/job-payload.js";
import type { HandlerDeps, HandlerOutcome, WebhookDelivery } from "./handler-types.js";
import { isBotAccount } from "./is-bot-account.js";
import { issuesLabeledSchema } from "./payload-schemas.js";
import { toJobRepo } from "./to-job-repo.js";

/**
 * `issues.labeled`: enqueues a label job in the lane of the issue's spec branch. The job reads
 * the configuration (the label that asks for a spec is configurable) and the labeller's
 * permission; the handler itself makes no GitHub request. Bots and pull requests are ignored.
 */
export async function handleIssuesLabeled(
  delivery: WebhookDelivery,
  deps: HandlerDeps,
): Promise<HandlerOutcome> {
  const parsed = issuesLabeledSchema.safeParse(delivery.payload);
  if (!parsed.success) return { status: "ignored", reason: "payload lacks the issue, label or repository" };
  const { issue, label, repository, installation, sender } = parsed.data;
  if (isBotAccount(sender)) return { status: "ignored", reason: "sent by a bot" };
  if (issue.pull_request)
    return { status: "ignored", reason: "labels on pull requests do not ask for specs" };

  const job: LabelJob = {
    kind: "issue-labeled",
    repo: toJobRepo(repository, installation),
    conversation: { number: issue.number, isPullRequest: false, title: issue.title, labels: issue.labels },
    label: label.name,
    sender: sender.login,
  };
  // The output pattern does not matter for the lane: only the branch name is used.
  const { branch } = implementationTarget(issueSlug(issue), "{slug}");
  const key = `${fullName(job.repo)}:label:#${issue.number}:${label.name}:${sender.login.toLowerCase()}`;
  const result = await deps.queue.enqueue({
    key,
    lane: branchLane(job.repo, branch),
    deliveryId: delivery.id,
    payload: job,
  });
  deps.log.info(
    { delivery: delivery.id, key, queue: result.status },
    `label "${label.name}" on #${issue.number}: ${result.status}`,
  );
  return { status: result.status, jobId: result.jobId, key };
}
