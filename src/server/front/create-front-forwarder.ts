import type { DeliveryActivity } from "../../adapters/queue/create-delivery-activity.js";
import type { Acceptance, VerifiedDelivery } from "../create-delivery-inbox.js";
import type { FrontMessage, PrimaryMessage } from "./front-messages.js";

/** Options of `createFrontForwarder`. */
export interface FrontForwarderOptions {
  /** This front's deliveries in flight, the one being accepted included. */
  activity: Pick<DeliveryActivity, "inFlight" | "whenQuiet">;
  /** Sends a message to the process running the jobs. */
  send(message: FrontMessage): void;
  /** Deliveries batched at most before they are sent without waiting for quiet (default 100). */
  maxBatch?: number;
  /**
   * How long a lone delivery's answer waits for the jobs process to say what it did (default
   * 5 s, half GitHub's 10 s); after that it is answered 202, as a deferred one.
   */
  answerTimeoutMs?: number;
  /** Told after a batch has been sent. */
  onFlushed?: () => void;
}

/** A webhook front's side of delivery hand-over. */
export interface FrontForwarder {
  /** What the front's webhook middleware calls for each verified delivery. */
  accept(delivery: VerifiedDelivery): Promise<Acceptance>;
  /** Feeds an answer from the jobs process. */
  onAnswer(message: Extract<PrimaryMessage, { type: "acceptance" | "failed" }>): void;
  /** Sends whatever is batched now (before the front exits). */
  flush(): void;
  /** Deliveries answered 202 and not sent yet. */
  readonly batched: number;
}

/**
 * Hands verified deliveries from a webhook front to the process running the jobs, the way the
 * delivery inbox treats them in one process: a lone delivery is sent at once and answered with
 * what the jobs process made of it; one that arrives with others is answered 202 at once and
 * batched until this front's burst has been answered (`whenQuiet`), so a burst costs one
 * message and no per-delivery work in the jobs process while it is being answered. A delivery
 * never overtakes a batched one: the channel keeps their order.
 */
export function createFrontForwarder(options: FrontForwarderOptions): FrontForwarder {
  const { activity, send } = options;
  const maxBatch = options.maxBatch ?? 100;
  const answerTimeoutMs = options.answerTimeoutMs ?? 5000;
  let batch: VerifiedDelivery[] = [];
  let flushScheduled = false;
  let seq = 0;
  const waiting = new Map<number, { resolve(a: Acceptance): void; reject(e: Error): void }>();

  const flush = (): void => {
    if (batch.length === 0) return;
    const deliveries = batch;
    batch = [];
    send({ type: "deliveries", deliveries });
    options.onFlushed?.();
  };

  return {
    accept(delivery) {
      if (batch.length === 0 && activity.inFlight <= 1) {
        seq += 1;
        const id = seq;
        return new Promise<Acceptance>((resolve, reject) => {
          const timer = setTimeout(() => {
            waiting.delete(id);
            resolve({ kind: "deferred", ahead: 0 });
          }, answerTimeoutMs);
          const settle =
            <T>(f: (value: T) => void) =>
            (value: T) => {
              clearTimeout(timer);
              waiting.delete(id);
              f(value);
            };
          waiting.set(id, { resolve: settle(resolve), reject: settle(reject) });
          send({ type: "delivery", seq: id, delivery });
        });
      }
      batch.push(delivery);
      const ahead = batch.length - 1;
      if (batch.length >= maxBatch) flush();
      else if (!flushScheduled) {
        flushScheduled = true;
        void activity.whenQuiet().then(() => {
          flushScheduled = false;
          flush();
        });
      }
      return Promise.resolve({ kind: "deferred", ahead });
    },

    onAnswer(message) {
      const answer = waiting.get(message.seq);
      if (answer === undefined) return; // timed out: answered 202 already
      if (message.type === "acceptance") answer.resolve(message.acceptance);
      else answer.reject(new Error(message.message));
    },

    flush,

    get batched() {
      return batch.length;
    },
  };
}
