import { parseSpecCommand } from "../core/commands/parse-spec-command.js";
import { commandJobRequest } from "./command-job-request.js";
import type { HandlerDeps, HandlerOutcome, WebhookDelivery } from "./handler-types.js";
import { isBotAccount } from "./is-bot-account.js";
import { issueCommentCreatedSchema } from "./payload-schemas.js";
import { toJobRepo } from "./to-job-repo.js";

/**
 * `issue_comment.created` on an issue or pull request: finds a `/spec` command outside code and
 * quotes and enqueues a command job. Bots are ignored. Permission, configuration and rate limits
 * are checked by the job, so the webhook is acknowledged without any GitHub request.
 */
export async function handleIssueComment(
  delivery: WebhookDelivery,
  deps: HandlerDeps,
): Promise<HandlerOutcome> {
  const parsed = issueCommentCreatedSchema.safeParse(delivery.payload);
  if (!parsed.success) return { status: "ignored", reason: "payload lacks the issue, comment or repository" };
  const { issue, comment, repository, installation, sender } = parsed.data;
  if (isBotAccount(sender) || isBotAccount(comment.user))
    return { status: "ignored", reason: "sent by a bot" };
  const command = parseSpecCommand(comment.body);
  if (command === undefined) return { status: "ignored", reason: "no /spec command" };

  const request = commandJobRequest(
    {
      kind: "command",
      repo: toJobRepo(repository, installation),
      conversation: {
        number: issue.number,
        isPullRequest: issue.pull_request !== undefined && issue.pull_request !== null,
        title: issue.title,
        labels: issue.labels,
      },
      commentId: comment.id,
      sender: sender.login,
      command,
    },
    delivery.id,
  );
  const result = await deps.queue.enqueue(request);
  deps.log.info(
    { delivery: delivery.id, command: command.kind, key: request.key, queue: result.status },
    `/spec ${command.kind} on #${issue.number}: ${result.status}`,
  );
  return { status: result.status, jobId: result.jobId, key: request.key };
}
