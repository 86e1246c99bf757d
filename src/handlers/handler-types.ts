import type { EnqueueResult, JobQueue } from "../ports/job-queue.js";
import type { JobPayload } from "../jobs/job-payload.js";

/** The parts of a Probot `Context` a handler uses: the delivery id and the raw payload. */
export interface WebhookDelivery {
  /** `X-GitHub-Delivery`: the same for a redelivery of this event. */
  id: string;
  payload: unknown;
}

/** What a handler needs: the queue, and somewhere to log what it did. */
export interface HandlerDeps {
  queue: Pick<JobQueue<JobPayload>, "enqueue">;
  log: { info(details: Record<string, unknown>, message: string): void };
}

/** What a handler did with a delivery (for logs and tests). */
export type HandlerOutcome =
  { status: "ignored"; reason: string } | { status: EnqueueResult["status"]; jobId: string; key: string };
