import pLimit from "p-limit";
import type { EnqueueResult, JobQueue, QueuedJob, QueueStats } from "../../ports/job-queue.js";
import { copyJsonPayload } from "./copy-json-payload.js";
import { createRecentMap } from "./create-recent-map.js";

/** Options of `createInProcessQueue`. */
export interface InProcessQueueOptions<P> {
  /** Maximum number of jobs running at once (a positive integer). */
  concurrency: number;
  /** Does the work of one job. A rejection is reported to `onError`; the queue carries on. */
  run: (job: QueuedJob<P>) => Promise<void>;
  /** Receives the error of a failed job. Errors thrown by `onError` itself are ignored. */
  onError?: (error: unknown, job: QueuedJob<P>) => void;
  /** How many recent delivery id + key pairs are remembered to drop redeliveries (default 5,000). */
  recentDeliveries?: number;
  /** Clock for `enqueuedAt` (tests). */
  now?: () => Date;
}

/**
 * The in-process `JobQueue`: jobs live in this process's memory and are lost on restart (a
 * redelivered webhook or the retry command in the progress comment recovers them).
 *
 * The global bound is p-limit's: it queues work for free slots in arrival order and never runs
 * more than `concurrency` at once. Lanes, coalescing and redelivery detection are ours, because
 * p-limit (like p-queue) has no notion of keys: each lane hands only its oldest job to the limiter
 * and the next one after that job settles, so a lane never runs two jobs and a busy lane never
 * blocks the others; a map from key to the queued-or-running job implements coalescing; a bounded
 * recent-map of delivery id + key pairs drops redeliveries.
 */
export function createInProcessQueue<P>(options: InProcessQueueOptions<P>): JobQueue<P> {
  const { concurrency, run, onError } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`Queue concurrency must be a positive integer, got ${concurrency}`);
  }
  const now = options.now ?? (() => new Date());
  const limit = pLimit(concurrency);
  const waitingByLane = new Map<string, QueuedJob<P>[]>();
  /** Lanes whose oldest job has been handed to the limiter (queued for a slot or running). */
  const busyLanes = new Set<string>();
  const jobIdByKey = new Map<string, string>();
  const deliveries = createRecentMap<string>(options.recentDeliveries ?? 5000);
  const counts = { queued: 0, running: 0, succeeded: 0, failed: 0, coalesced: 0, duplicateDeliveries: 0 };
  let idleWaiters: (() => void)[] = [];
  let nextId = 0;

  const settleIdle = (): void => {
    if (counts.queued > 0 || counts.running > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const execute = async (job: QueuedJob<P>): Promise<void> => {
    counts.queued -= 1;
    counts.running += 1;
    try {
      await run(job);
      counts.succeeded += 1;
    } catch (error) {
      counts.failed += 1;
      try {
        onError?.(error, job);
      } catch {
        // A failing error reporter must not stop the queue either.
      }
    } finally {
      counts.running -= 1;
      jobIdByKey.delete(job.key);
    }
  };

  const startNext = (lane: string): void => {
    const job = waitingByLane.get(lane)?.shift();
    if (job === undefined) {
      waitingByLane.delete(lane);
      busyLanes.delete(lane);
      settleIdle();
      return;
    }
    busyLanes.add(lane);
    void limit(execute, job).then(() => startNext(lane));
  };

  return {
    async enqueue(request): Promise<EnqueueResult> {
      const { key, lane, deliveryId } = request;
      if (typeof key !== "string" || key.trim() === "")
        throw new TypeError("Job key must be a non-empty string");
      if (typeof lane !== "string" || lane.trim() === "")
        throw new TypeError("Job lane must be a non-empty string");
      const deliveryKey =
        deliveryId === undefined || deliveryId === "" ? undefined : `${deliveryId}\u0000${key}`;
      const delivered = deliveryKey === undefined ? undefined : deliveries.get(deliveryKey);
      if (delivered !== undefined) {
        counts.duplicateDeliveries += 1;
        return { status: "duplicate-delivery", jobId: delivered };
      }
      const existing = jobIdByKey.get(key);
      if (existing !== undefined) {
        counts.coalesced += 1;
        if (deliveryKey !== undefined) deliveries.set(deliveryKey, existing);
        return { status: "coalesced", jobId: existing };
      }
      const payload = copyJsonPayload(request.payload);
      nextId += 1;
      const job: QueuedJob<P> = {
        id: `job-${nextId}`,
        key,
        lane,
        deliveryId: deliveryId === "" ? undefined : deliveryId,
        payload,
        enqueuedAt: now().toISOString(),
      };
      jobIdByKey.set(key, job.id);
      if (deliveryKey !== undefined) deliveries.set(deliveryKey, job.id);
      counts.queued += 1;
      const waiting = waitingByLane.get(lane);
      if (waiting) waiting.push(job);
      else waitingByLane.set(lane, [job]);
      if (!busyLanes.has(lane)) {
        // Start on a later turn of the event loop: the caller (a webhook handler) always
        // continues before any job code runs.
        busyLanes.add(lane);
        setImmediate(() => startNext(lane));
      }
      return { status: "queued", jobId: job.id };
    },

    onIdle(): Promise<void> {
      if (counts.queued === 0 && counts.running === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },

    stats(): QueueStats {
      return { ...counts, activeLanes: busyLanes.size, concurrency };
    },
  };
}
