import { fullName } from "../jobs/job-targets.js";
import type { PushJob } from "../jobs/job-payload.js";
import type { HandlerDeps, HandlerOutcome, WebhookDelivery } from "./handler-types.js";
import { isBotAccount } from "./is-bot-account.js";
import { pushSchema } from "./payload-schemas.js";
import { toJobRepo } from "./to-job-repo.js";

/** Most paths a push job carries (a push touching more is handled with the first ones). */
export const MAX_PUSH_PATHS = 5000;
/** Most commits whose author a push job carries (GitHub lists at most 20 per push payload). */
const MAX_PUSH_COMMITS = 100;

/**
 * `push` to the default branch: collects the paths the pushed commits added, modified or
 * removed and enqueues one push job, which drafts specs for changed discovery documents and
 * reports specs citing changed files. Other branches, tags, branch deletions and bots are ignored.
 */
export async function handlePush(delivery: WebhookDelivery, deps: HandlerDeps): Promise<HandlerOutcome> {
  const parsed = pushSchema.safeParse(delivery.payload);
  if (!parsed.success) return { status: "ignored", reason: "payload lacks the ref, commits or repository" };
  const { ref, after, deleted, commits, repository, installation, sender } = parsed.data;
  if (isBotAccount(sender)) return { status: "ignored", reason: "sent by a bot" };
  if (ref !== `refs/heads/${repository.default_branch}`)
    return { status: "ignored", reason: "not the default branch" };
  if (deleted === true || !/^[0-9a-f]{40}$/.test(after) || /^0+$/.test(after)) {
    return { status: "ignored", reason: "branch deleted" };
  }

  const changed = new Set<string>();
  const present = new Set<string>();
  for (const commit of commits) {
    for (const path of [...commit.added, ...commit.modified]) {
      changed.add(path);
      present.add(path);
    }
    for (const path of commit.removed) {
      changed.add(path);
      present.delete(path);
    }
  }
  if (changed.size === 0) return { status: "ignored", reason: "no changed files" };

  const job: PushJob = {
    kind: "push",
    repo: toJobRepo(repository, installation),
    after,
    changedFiles: [...changed].slice(0, MAX_PUSH_PATHS),
    addedOrModified: [...present].slice(0, MAX_PUSH_PATHS),
    // Without the full list the job cannot tell that every commit is Specwright's: send none.
    commits:
      commits.length > MAX_PUSH_COMMITS
        ? []
        : commits.map((c) => ({
            ...(c.author?.username ? { authorLogin: c.author.username } : {}),
            ...(c.author?.email ? { authorEmail: c.author.email } : {}),
            message: c.message.slice(-2000),
          })),
    sender: sender.login,
  };
  const key = `${fullName(job.repo)}:push:${after}`;
  const result = await deps.queue.enqueue({
    key,
    lane: `${fullName(job.repo)}#push`,
    deliveryId: delivery.id,
    payload: job,
  });
  deps.log.info(
    { delivery: delivery.id, key, queue: result.status },
    `push of ${after.slice(0, 7)}: ${result.status}`,
  );
  return { status: result.status, jobId: result.jobId, key };
}
