import type { DeliveryActivity } from "../adapters/queue/create-delivery-activity.js";
import { redactSecrets } from "../core/redact-secrets.js";
import type { NamedWebhookDelivery } from "../handlers/handle-webhook.js";
import type { HandlerOutcome } from "../handlers/handler-types.js";

/** A delivery whose signature has been verified: its headers and its body, not yet parsed. */
export interface VerifiedDelivery {
  /** `X-GitHub-Delivery`. */
  id: string;
  /** `X-GitHub-Event`. */
  name: string;
  /** The JSON body, as signed. */
  body: string;
}

/** What became of a verified delivery, for the webhook endpoint to answer. */
export type Acceptance =
  /** Parsed and received now (or once there was room): `outcome` is what its handler did. */
  | { kind: "handled"; outcome: HandlerOutcome }
  /** Other deliveries are being answered: this one is received after them, in arrival order. */
  | { kind: "deferred"; ahead: number }
  /** The signed body is not JSON (only reported for a delivery handled now). */
  | { kind: "invalid-json" };

/** Options of `createDeliveryInbox`. */
export interface DeliveryInboxOptions {
  /** Parses nothing: validates a delivery and enqueues its job (`SpecwrightApp.receive`). */
  receive(delivery: NamedWebhookDelivery): Promise<HandlerOutcome>;
  /** The webhook server's deliveries in flight, the one being accepted included. */
  activity: Pick<DeliveryActivity, "inFlight" | "whenQuiet">;
  /** Where deferred deliveries that fail are reported (they have been answered already). */
  log: {
    warn(details: Record<string, unknown>, message: string): void;
    error(details: Record<string, unknown>, message: string): void;
  };
  /**
   * Deferred deliveries held at most (default 1000). Past it, a delivery's answer waits until it
   * has been received, and the inbox stops waiting for quiet: acknowledgements slow down under
   * sustained overload, and nothing piles up or is lost.
   */
  maxPending?: number;
  /** CPU time the inbox spends receiving before it looks for new deliveries again (default 4 ms). */
  sliceMs?: number;
}

/** Where the webhook endpoint hands verified deliveries. */
export interface DeliveryInbox {
  accept(delivery: VerifiedDelivery): Promise<Acceptance>;
  /**
   * Queues a delivery that has been answered already (by a webhook front process) behind the
   * deferred ones; what fails is logged.
   */
  defer(delivery: VerifiedDelivery): void;
  /** Deferred deliveries not received yet. */
  readonly pending: number;
  /** Resolves once every deferred delivery has been received (shutdown, tests). */
  whenDrained(): Promise<void>;
}

interface Entry {
  delivery: VerifiedDelivery;
  /** Set when the delivery's answer waits for its outcome (the inbox was full). */
  settle?: { resolve(acceptance: Acceptance): void; reject(error: unknown): void };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Acknowledges first, parses and receives after. A delivery that arrives alone is parsed and
 * received at once, and its answer says what it started. One that arrives while others are in
 * flight (a burst) is answered `deferred` straight after its signature check, and received
 * once the burst has been answered (`activity.whenQuiet`), in arrival order, a few milliseconds
 * of CPU at a time: per-delivery work in a burst would delay every later answer in it. A
 * delivery never overtakes a deferred one.
 */
export function createDeliveryInbox(options: DeliveryInboxOptions): DeliveryInbox {
  const { receive, activity, log } = options;
  const maxPending = options.maxPending ?? 1000;
  const sliceMs = options.sliceMs ?? 4;
  const entries: Entry[] = [];
  let draining = false;
  let drain: Promise<void> = Promise.resolve();
  /** Ends the drain's wait for quiet early: set while it waits. */
  let wake: (() => void) | undefined;
  /** The pending wait for quiet, kept across an early wake so no abandoned waiter piles up. */
  let quiet: Promise<void> | undefined;
  const whenQuiet = () =>
    (quiet ??= activity.whenQuiet().then(() => {
      quiet = undefined;
    }));

  const handle = async ({ id, name, body }: VerifiedDelivery): Promise<Acceptance> => {
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      return { kind: "invalid-json" };
    }
    return { kind: "handled", outcome: await receive({ id, name, payload }) };
  };

  const settleDeferred = async (delivery: VerifiedDelivery): Promise<void> => {
    const details = { delivery: delivery.id, event: delivery.name };
    try {
      const acceptance = await handle(delivery);
      if (acceptance.kind === "invalid-json") {
        log.warn(details, "webhook ignored: its signed body is not JSON");
      }
    } catch (error) {
      const message = redactSecrets(error instanceof Error ? error.message : String(error));
      log.error(details, `webhook ${delivery.name} ${delivery.id} failed: ${message}`);
    }
  };

  const run = async (): Promise<void> => {
    try {
      while (entries.length > 0) {
        // Full: keep receiving between answers instead of waiting for a pause that may not come.
        if (entries.length >= maxPending) await nextTurn();
        else {
          await new Promise<void>((resolve) => {
            wake = resolve;
            void whenQuiet().then(resolve);
          });
          wake = undefined;
        }
        const sliceEnd = performance.now() + sliceMs;
        do {
          const entry = entries.shift() as Entry;
          if (entry.settle) await handle(entry.delivery).then(entry.settle.resolve, entry.settle.reject);
          else await settleDeferred(entry.delivery);
        } while (entries.length > 0 && performance.now() < sliceEnd);
      }
    } finally {
      // Cleared in the same step as the last look at `entries`: a delivery added right after
      // starts a new drain instead of waiting on one that has already decided to stop.
      draining = false;
    }
  };

  const startDrain = (): void => {
    if (draining) return;
    draining = true;
    drain = run();
  };

  return {
    accept(delivery) {
      if (entries.length === 0 && !draining && activity.inFlight <= 1) return handle(delivery);
      if (entries.length < maxPending) {
        entries.push({ delivery });
        startDrain();
        return Promise.resolve({ kind: "deferred", ahead: entries.length - 1 });
      }
      return new Promise<Acceptance>((resolve, reject) => {
        entries.push({ delivery, settle: { resolve, reject } });
        startDrain();
        wake?.();
      });
    },

    defer(delivery) {
      entries.push({ delivery });
      startDrain();
    },

    get pending() {
      return entries.length;
    },

    async whenDrained() {
      while (draining) await drain;
    },
  };
}
