import type { EnqueueRequest } from "../ports/job-queue.js";
import type { CommandJob } from "../jobs/job-payload.js";
import { branchLane, conversationLane, digest, fullName } from "../jobs/job-targets.js";
import { regenerateTarget } from "../jobs/regenerate-target.js";

/**
 * Key and lane of a `/spec` command job. Identical commands by the same person in the same
 * conversation share a key, so a repeat coalesces into the queued or running job; the sender is
 * part of the key because each job checks its sender's permission. Commands that write a branch
 * run in that branch's lane (`regenerateTarget`, shared with the job); the others in the
 * conversation's lane.
 */
export function commandJobRequest(job: CommandJob, deliveryId: string): EnqueueRequest<CommandJob> {
  const { command, conversation, sender } = job;
  const where = `#${conversation.number}:${sender.toLowerCase()}`;
  const repo = fullName(job.repo);
  const talk = conversationLane(job.repo, conversation.number);
  const base = { deliveryId, payload: job };
  switch (command.kind) {
    case "regenerate": {
      const names = [...new Set(command.names)].sort();
      const flags = `${command.withDependents ? "d" : ""}${command.force ? "f" : ""}`;
      return {
        ...base,
        key: `${repo}:regenerate:${names.join(",")}:${flags}:${where}`,
        // The same function the job uses to pick the branch it writes.
        lane: branchLane(job.repo, regenerateTarget(conversation, command.names).branch),
      };
    }
    case "plan":
      return { ...base, key: `${repo}:plan:${[...command.names].sort().join(",")}:${where}`, lane: talk };
    case "revise":
      return { ...base, key: `${repo}:revise:${digest(command.feedback)}:${where}`, lane: talk };
    case "check":
    case "help":
      return { ...base, key: `${repo}:${command.kind}:${where}`, lane: talk };
    case "unknown":
    case "invalid":
      return { ...base, key: `${repo}:reply:${job.commentId}`, lane: talk };
  }
}
