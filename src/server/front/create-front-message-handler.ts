import { redactSecrets } from "../../core/redact-secrets.js";
import type { DeliveryInbox } from "../create-delivery-inbox.js";
import type { WebhookLog } from "../create-webhook-middleware.js";
import { frontMessageSchema, verifiedDeliverySchema, type PrimaryMessage } from "./front-messages.js";

/** One webhook front, as the jobs process sees it. */
export interface FrontChannel {
  /** The front's cluster worker id, for the log. */
  id: number;
  /** Answers the front (a front that has just died may miss it: its exit says what happened). */
  reply(message: PrimaryMessage): void;
}

/** Options of `createFrontMessageHandler`. */
export interface FrontMessageHandlerOptions {
  /** Receives what the front hands over. */
  inbox: Pick<DeliveryInbox, "accept" | "defer">;
  log: WebhookLog;
  /** Counts the front as busy (job work steps aside); the returned function ends that. */
  markBusy(): () => void;
}

/** The jobs process's side of one front's IPC channel. */
export interface FrontMessageHandler {
  /** Validates a message from the front and acts on it; one that does not fit is logged and dropped. */
  receive(raw: unknown): void;
  /**
   * The front has exited: it is busy no more, even if a busy report it sent before exiting is
   * read after this (a front busy for ever would hold job work back for good).
   */
  ended(): void;
  /** The front's channel has closed: everything it sent has been received. */
  channelClosed(): void;
  /** Why the front said it could not start, once it has said so. */
  readonly fatal: string | undefined;
  /**
   * Resolves once every message the front sent before it heard this call's `sync` has been
   * received here (the channel keeps the order), or once its channel has closed. A front that
   * has not said it is `ready` is asked once it has (a question sent earlier could be lost).
   */
  sync(): Promise<void>;
}

/**
 * What the jobs process does with a front's messages (see `front-messages.ts`): busy reports
 * mark the front busy once until it says it is idle (or exits); batched deliveries are deferred
 * in the inbox one by one, a bad one logged without costing the others; a lone delivery is
 * accepted and the front is answered with the acceptance, or with `failed` (secrets redacted) when
 * it is not a delivery or receiving it throws; log lines go to the app's log.
 */
export function createFrontMessageHandler(
  front: FrontChannel,
  options: FrontMessageHandlerOptions,
): FrontMessageHandler {
  const { inbox, log } = options;
  let endBusy: (() => void) | undefined;
  let fatal: string | undefined;
  /** The front has exited: messages still read from its channel must not mark it busy again. */
  let gone = false;
  /** `sync` calls waiting for their `synced`, by id. */
  const syncs = new Map<number, () => void>();
  let lastSyncId = 0;
  /** The front listens to its channel (it said `ready`). */
  let hears = false;
  let closed = false;
  const endBusyPeriod = () => {
    endBusy?.();
    endBusy = undefined;
  };

  const receive = (raw: unknown): void => {
    const parsed = frontMessageSchema.safeParse(raw);
    if (!parsed.success) {
      log.error({ front: front.id }, `ignored a webhook front message: ${parsed.error.message}`);
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case "busy":
        if (!message.busy) endBusyPeriod();
        else if (!gone) endBusy ??= options.markBusy();
        return;
      case "deliveries":
        for (const item of message.deliveries) {
          const delivery = verifiedDeliverySchema.safeParse(item);
          if (delivery.success) inbox.defer(delivery.data);
          else
            log.error(
              { front: front.id },
              `ignored a delivery a webhook front handed over: ${delivery.error.message}`,
            );
        }
        return;
      case "delivery": {
        const { seq } = message;
        const delivery = verifiedDeliverySchema.safeParse(message.delivery);
        if (!delivery.success) {
          front.reply({ type: "failed", seq, message: `not a delivery: ${delivery.error.message}` });
          return;
        }
        inbox.accept(delivery.data).then(
          (acceptance) => front.reply({ type: "acceptance", seq, acceptance }),
          (error: unknown) =>
            front.reply({
              type: "failed",
              seq,
              message: redactSecrets(error instanceof Error ? error.message : String(error)),
            }),
        );
        return;
      }
      case "log":
        log[message.level](message.details, message.message);
        return;
      case "fatal":
        // Reported with the front's exit.
        fatal = message.message;
        return;
      case "ready":
        hears = true;
        // Questions asked before the front could hear them.
        for (const id of syncs.keys()) front.reply({ type: "sync", id });
        return;
      case "synced":
        syncs.get(message.id)?.();
        syncs.delete(message.id);
        return;
    }
  };

  return {
    receive,
    ended() {
      gone = true;
      endBusyPeriod();
    },
    channelClosed() {
      closed = true;
      for (const resolve of syncs.values()) resolve();
      syncs.clear();
    },
    get fatal() {
      return fatal;
    },
    sync() {
      if (closed) return Promise.resolve();
      lastSyncId += 1;
      const id = lastSyncId;
      return new Promise<void>((resolve) => {
        syncs.set(id, resolve);
        if (hears) front.reply({ type: "sync", id });
      });
    },
  };
}
