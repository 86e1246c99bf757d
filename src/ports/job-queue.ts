/**
 * The job queue between webhook handlers and the job runner. Handlers validate an event,
 * `enqueue` a job and return at once; the queue runs jobs later with these guarantees:
 *
 * - bounded global concurrency;
 * - at most one running job per `lane` (use repository + branch, e.g. `acme/widgets#specwright/spec-login`),
 *   further jobs of the lane wait in arrival order, so two runs never write the same branch at once;
 * - a job whose `key` equals a queued or running job's key is coalesced into it and runs once;
 * - a `deliveryId` + `key` pair seen recently (a webhook redelivery) is dropped.
 *
 * The in-process implementation is `src/adapters/queue/create-in-process-queue.ts`. A
 * distributed one (e.g. Redis) can implement the same port: `enqueue` is async, payloads must be
 * JSON-serialisable (plain objects, arrays, strings, finite numbers, booleans, null), and a job
 * sees a copy of its payload, never the object that was enqueued.
 */
export interface JobQueue<P> {
  /**
   * Accepts a job and resolves as soon as it is recorded (never waits for the job to run).
   * Rejects only for a programming error: empty key or lane, or a payload that is not JSON.
   */
  enqueue(request: EnqueueRequest<P>): Promise<EnqueueResult>;
  /** Resolves when no job is queued or running (immediately if idle). For shutdown and tests. */
  onIdle(): Promise<void>;
  /** Counters for logs, health checks and benchmarks. */
  stats(): QueueStats;
}

/** A job to run. */
export interface EnqueueRequest<P> {
  /**
   * Identifies the work completely: two requests with the same key must mean the same work
   * (include the target and what it is built from, e.g. `acme/widgets:spec:docs/login.md@<blob sha>`).
   * The later request's payload is dropped when it is coalesced.
   */
  key: string;
  /** Serialisation domain: jobs in one lane run one at a time, in order. Repository + branch. */
  lane: string;
  /**
   * The webhook's `X-GitHub-Delivery` id. One delivery may create several jobs (a push that
   * changes three discovery docs), so a redelivery is recognised by delivery id AND key.
   */
  deliveryId?: string;
  payload: P;
}

/** What `enqueue` did with a request. */
export interface EnqueueResult {
  status:
    /** A new job was queued. */
    | "queued"
    /** An identical job (same key) is queued or running; this request rides on it. */
    | "coalesced"
    /** The same delivery already produced this job (a webhook redelivery). */
    | "duplicate-delivery";
  /** The job that will do (or did) the work. */
  jobId: string;
}

/** A job as the runner sees it. */
export interface QueuedJob<P> {
  id: string;
  key: string;
  lane: string;
  deliveryId: string | undefined;
  payload: P;
  /** ISO time the job was enqueued. */
  enqueuedAt: string;
}

/** Queue counters since the queue was created. */
export interface QueueStats {
  /** Jobs waiting (for their lane or for a free slot). */
  queued: number;
  running: number;
  /** Lanes with at least one queued or running job. */
  activeLanes: number;
  /** Maximum number of jobs running at once. */
  concurrency: number;
  succeeded: number;
  failed: number;
  coalesced: number;
  duplicateDeliveries: number;
}
