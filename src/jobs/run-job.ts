import type { QueuedJob } from "../ports/job-queue.js";
import { runRevise } from "./flows/run-revise.js";
import { runCommandJob } from "./kinds/run-command-job.js";
import { runDiscoveryJob } from "./kinds/run-discovery-job.js";
import { runLabelJob } from "./kinds/run-label-job.js";
import { runPushJob } from "./kinds/run-push-job.js";
import { jobPayloadSchema, type JobPayload } from "./job-payload.js";
import { openJobContext, type JobServices } from "./job-services.js";

/**
 * Runs one queued job: validates its payload again (a distributed queue may hand over anything),
 * authenticates for its installation, and hands it to the job kind's steps. Failures inside a
 * run are reported on GitHub by the run itself; what escapes (e.g. GitHub unreachable before
 * the progress comment exists) rejects, and the queue logs it.
 */
export async function runJob(job: QueuedJob<JobPayload>, services: JobServices): Promise<void> {
  const parsed = jobPayloadSchema.safeParse(job.payload);
  if (!parsed.success) {
    services.log.error(
      { job: job.id, key: job.key, problem: parsed.error.issues[0]?.message },
      "invalid job payload dropped",
    );
    return;
  }
  const payload = parsed.data;
  const ctx = await openJobContext(job.id, payload.repo, services);
  ctx.log.info({ job: job.id, kind: payload.kind, key: job.key }, `job ${job.id} (${payload.kind}) started`);
  switch (payload.kind) {
    case "command":
      return runCommandJob(ctx, payload, job.deliveryId);
    case "issue-labeled":
      return runLabelJob(ctx, payload);
    case "push":
      return runPushJob(ctx, payload, job.deliveryId);
    case "discovery-spec":
      return runDiscoveryJob(ctx, payload);
    case "revise":
      return runRevise(ctx, payload);
  }
}
