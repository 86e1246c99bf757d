import type { DeliveryActivity } from "../../adapters/queue/create-delivery-activity.js";
import type { Acceptance, VerifiedDelivery } from "../create-delivery-inbox.js";
import type { FrontMessage, PrimaryMessage } from "./front-messages.js";

/** Options of `createFrontForwarder`. */
export interface FrontForwarderOptions {
  /** This front's deliveries in flight, the one being accepted included. */
  activity: Pick<DeliveryActivity, "inFlight">;
  /**
   * Sends a message to the process running the jobs; `sent` is called once it has been handed
   * to the channel (with the error if it could not be).
   */
  send(message: FrontMessage, sent?: (error?: Error | null) => void): void;
  /**
   * How long a lone delivery's answer waits for the jobs process to say what it did (default
   * 5 s, half GitHub's 10 s); after that it is answered 202, as a deferred one.
   */
  answerTimeoutMs?: number;
  /** Body bytes sent in one message at most before a batch is sent early (default 8 MB). */
  maxBatchBytes?: number;
  /**
   * The least time between two batch messages (default 4 ms), unless `maxBatchBytes` sends one
   * early: the first batch after a pause is sent on the next turn of the event loop; deliveries
   * verified less than this long after a batch was sent wait for the next one. In a burst, a
   * front verifies only a few deliveries per turn, and a message per turn costs both processes a
   * write, a wake-up and a read each time.
   */
  batchIntervalMs?: number;
  /** The clock of `batchIntervalMs` (default `performance.now`). */
  now?: () => number;
  /** Told about an answer that came after its timeout and reports a problem nobody saw yet. */
  onLateProblem?: (deliveryId: string, problem: string) => void;
}

/** A webhook front's side of delivery hand-over. */
export interface FrontForwarder {
  /** What the front's webhook middleware calls for each verified delivery. */
  accept(delivery: VerifiedDelivery): Promise<Acceptance>;
  /** Feeds an answer from the jobs process. */
  onAnswer(message: Extract<PrimaryMessage, { type: "acceptance" | "failed" }>): void;
}

interface Batched {
  delivery: VerifiedDelivery;
  resolve(acceptance: Acceptance): void;
  reject(error: Error): void;
}

/**
 * Hands verified deliveries from a webhook front to the process running the jobs, the way the
 * delivery inbox treats them in one process: a lone delivery is sent at once and answered with
 * what the jobs process made of it; one that arrives with others is collected with the others
 * verified in the same turn of the event loop (or, right after a batch was sent, within the next
 * `batchIntervalMs`), sent in one message, and answered 202 once that message is in the channel:
 * an answered delivery is the jobs process's even if this front dies right after. The channel
 * keeps the order, so a delivery never overtakes an earlier one.
 */
export function createFrontForwarder(options: FrontForwarderOptions): FrontForwarder {
  const { activity, send } = options;
  const answerTimeoutMs = options.answerTimeoutMs ?? 5000;
  const maxBatchBytes = options.maxBatchBytes ?? 8 * 1024 * 1024;
  const batchIntervalMs = options.batchIntervalMs ?? 4;
  const now = options.now ?? (() => performance.now());
  let batch: Batched[] = [];
  let batchBytes = 0;
  /** Cancels the scheduled sending of the batch, if one is scheduled. */
  let cancelScheduled: (() => void) | undefined;
  let lastFlushAt = Number.NEGATIVE_INFINITY;
  let seq = 0;
  const asked = new Map<number, { resolve(a: Acceptance): void; reject(e: Error): void }>();
  /** Deliveries answered on timeout whose answer has not come yet (the oldest forgotten past 1000). */
  const late = new Map<number, string>();

  const flush = (): void => {
    cancelScheduled?.();
    cancelScheduled = undefined;
    if (batch.length === 0) return;
    lastFlushAt = now();
    const entries = batch;
    batch = [];
    batchBytes = 0;
    const settle = (error?: Error | null) => {
      entries.forEach((entry, ahead) => {
        if (error) entry.reject(new Error(`could not hand the delivery over: ${error.message}`));
        else entry.resolve({ kind: "deferred", ahead });
      });
    };
    try {
      send({ type: "deliveries", deliveries: entries.map((e) => e.delivery) }, settle);
    } catch (error) {
      settle(error instanceof Error ? error : new Error(String(error)));
    }
  };

  const ask = (delivery: VerifiedDelivery): Promise<Acceptance> => {
    seq += 1;
    const id = seq;
    return new Promise<Acceptance>((resolve, reject) => {
      let handedOver = false;
      let timedOut = false;
      const settle =
        <T>(f: (value: T) => void) =>
        (value: T) => {
          clearTimeout(timer);
          asked.delete(id);
          f(value);
        };
      const answer202 = () => {
        late.set(id, delivery.id);
        if (late.size > 1000) late.delete(late.keys().next().value as number);
        settle(resolve)({ kind: "deferred", ahead: 0 });
      };
      // 202 only for a delivery that is in the channel: one still waiting to be written is
      // answered when it is (or fails with it).
      const timer = setTimeout(() => {
        timedOut = true;
        if (handedOver) answer202();
      }, answerTimeoutMs);
      asked.set(id, { resolve: settle(resolve), reject: settle(reject) });
      send({ type: "delivery", seq: id, delivery }, (error) => {
        if (error) settle(reject)(new Error(`could not hand the delivery over: ${error.message}`));
        else if (timedOut) answer202();
        else handedOver = true;
      });
    });
  };

  return {
    accept(delivery) {
      if (batch.length === 0 && activity.inFlight <= 1) return ask(delivery);
      return new Promise<Acceptance>((resolve, reject) => {
        batch.push({ delivery, resolve, reject });
        batchBytes += delivery.body.length;
        if (batchBytes >= maxBatchBytes) flush();
        else if (cancelScheduled === undefined) {
          const wait = lastFlushAt + batchIntervalMs - now();
          if (wait > 0) {
            // Whole milliseconds: Node keeps a timer list per distinct duration.
            const timer = setTimeout(flush, Math.ceil(wait));
            cancelScheduled = () => clearTimeout(timer);
          } else {
            const immediate = setImmediate(flush);
            cancelScheduled = () => clearImmediate(immediate);
          }
        }
      });
    },

    onAnswer(message) {
      const waiting = asked.get(message.seq);
      if (waiting !== undefined) {
        if (message.type === "acceptance") waiting.resolve(message.acceptance);
        else waiting.reject(new Error(message.message));
        return;
      }
      // Answered 202 on timeout already: what went wrong must still be told.
      const deliveryId = late.get(message.seq);
      if (deliveryId === undefined) return;
      late.delete(message.seq);
      if (message.type === "failed") options.onLateProblem?.(deliveryId, message.message);
      else if (message.acceptance.kind === "invalid-json") {
        options.onLateProblem?.(deliveryId, "its signed body is not JSON");
      }
    },
  };
}
