import cluster, { type Worker } from "node:cluster";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { DeliveryActivity } from "../../adapters/queue/create-delivery-activity.js";
import { redactSecrets } from "../../core/redact-secrets.js";
import type { DeliveryInbox } from "../create-delivery-inbox.js";
import type { WebhookLog } from "../create-webhook-middleware.js";
import { createFrontMessageHandler, type FrontMessageHandler } from "./create-front-message-handler.js";
import { describeFrontExit } from "./describe-front-exit.js";
import type { PrimaryMessage } from "./front-messages.js";
import { frontEnvironment } from "./front-environment.js";
import { FRONT_NODE_FLAGS } from "./front-node-flags.js";
import { QUICK_DEATH_MS, restartDelay } from "./restart-delay.js";
import type { FrontSettings } from "./run-webhook-front.js";

/** Options of `startWebhookFronts`. */
export interface WebhookFrontsOptions extends FrontSettings {
  /** How many front processes serve the port (at least 1). */
  count: number;
  /** Receives what the fronts hand over. */
  inbox: Pick<DeliveryInbox, "accept" | "defer">;
  /** Each busy front counts as one delivery in flight here, so job work steps aside. */
  activity: Pick<DeliveryActivity, "begin">;
  log: WebhookLog & { info(message: string): void };
  /**
   * A front that dies is replaced at once; one that dies within 10 s of its start is replaced
   * after this long (default 1 s), doubled for each further quick death in a row, at most 30 s.
   */
  restartDelayMs?: number;
}

/** Running fronts. */
export interface WebhookFronts {
  /** The address they share (the port picked when asked for `0`). */
  address: AddressInfo;
  /**
   * Resolves once every front has been heard up to now (everything a front had sent when it was
   * asked, e.g. the deliveries it has answered, has been read here) and no front has a delivery
   * in flight or not handed over yet.
   */
  whenIdle(): Promise<void>;
  /** Asks every front to close its connections, hand over what it batched and exit. */
  close(): Promise<void>;
}

/**
 * The front's entry: the compiled `.js` next to this file, or the `.ts` source run through tsx;
 * with the fronts' own Node.js flags (not the jobs process's).
 */
function frontEntry(): { exec: string; execArgv: string[] } {
  const source = import.meta.url.endsWith(".ts");
  return {
    exec: fileURLToPath(new URL(`./run-webhook-front.${source ? "ts" : "js"}`, import.meta.url)),
    execArgv: [...FRONT_NODE_FLAGS, ...(source ? ["--import", "tsx"] : [])],
  };
}

/**
 * Starts `count` webhook front processes (node:cluster workers sharing one listening socket,
 * each connection accepted by whichever front is free) and connects them to `inbox`, so the
 * work of answering a burst is spread over the machine's cores while this process runs the
 * jobs. A front that dies is logged and replaced. Resolves once every front listens; rejects
 * with the first front's error (e.g. the port is taken) after stopping them all.
 */
export async function startWebhookFronts(options: WebhookFrontsOptions): Promise<WebhookFronts> {
  const { inbox, activity, log } = options;
  const settings: FrontSettings = {
    secret: options.secret,
    path: options.path,
    port: options.port,
    host: options.host,
    ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }),
  };
  // Set before the first fork: every front accepts on the shared socket itself, instead of this
  // process accepting and passing each connection on.
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  cluster.setupPrimary({ ...frontEntry(), silent: false, serialization: "advanced" });
  let closing = false;
  let started = false;
  /** Each front, and whether it listens yet (before that, it has no delivery and no handler). */
  const workers = new Map<Worker, { listening: boolean }>();
  /** Fronts whose channel is open: their messages may not all have been read yet. */
  const channels = new Set<FrontMessageHandler>();
  let busyFronts = 0;
  let idleWaiters: (() => void)[] = [];
  /** Marks a front busy here: one delivery in flight for `activity`, one busy front for `whenIdle`. */
  const markBusy = (): (() => void) => {
    const end = activity.begin();
    busyFronts += 1;
    return () => {
      end();
      busyFronts -= 1;
      if (busyFronts > 0) return;
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
    };
  };

  /** `slot`: the place a front and its replacements take, with their run of quick deaths. */
  const fork = (slot: { quickDeaths: number }): Promise<AddressInfo> =>
    new Promise((resolve, reject) => {
      const worker = cluster.fork(frontEnvironment(process.env, settings));
      // e.g. EPIPE on a send to a front that has just died: its exit says what happened.
      worker.on("error", (error) =>
        log.warn({ front: worker.id }, `webhook front channel: ${error.message}`),
      );
      const forkedAt = Date.now();
      const messages = createFrontMessageHandler(
        {
          id: worker.id,
          // A front that just died may still look connected: a failed send is its exit's business.
          reply: (message) => worker.isConnected() && worker.send(message, undefined, () => undefined),
        },
        { inbox, log, markBusy },
      );
      const state = { listening: false };
      workers.set(worker, state);
      channels.add(messages);
      worker.on("message", messages.receive);
      // Everything the front sent has been read: nothing is left to sync with.
      worker.once("disconnect", () => {
        channels.delete(messages);
        messages.channelClosed();
      });
      worker.once("listening", (address) => {
        state.listening = true;
        resolve({
          address: address.address ?? options.host,
          family: address.addressType === 6 ? "IPv6" : "IPv4",
          port: address.port ?? options.port,
        });
      });
      worker.once("exit", (code, signal) => {
        workers.delete(worker);
        messages.ended();
        const { fatal } = messages;
        const why = redactSecrets(describeFrontExit({ code, signal, fatal }));
        reject(new Error(fatal === undefined ? `webhook front ${why} before listening` : why));
        // During start-up the caller gets the error; while closing, exits are expected.
        if (closing || !started) return;
        slot.quickDeaths = Date.now() - forkedAt < QUICK_DEATH_MS ? slot.quickDeaths + 1 : 0;
        const delay = restartDelay(slot.quickDeaths, options.restartDelayMs ?? 1000);
        log.error({ front: worker.id }, `webhook front failed: ${why}; starting another in ${delay} ms`);
        // A replacement that fails is reported by its own exit.
        setTimeout(() => {
          if (!closing) fork(slot).catch(() => undefined);
        }, delay).unref();
      });
    });

  const stop = async (): Promise<void> => {
    closing = true;
    await Promise.all(
      [...workers].map(
        ([worker, state]) =>
          new Promise<void>((resolve) => {
            // Both: the exit, and the channel closed (every message the front sent has been read).
            let left = worker.isConnected() ? 2 : 1;
            const done = () => --left === 0 && resolve();
            worker.once("exit", done);
            if (left === 2) worker.once("disconnect", done);
            if (!state.listening) worker.kill();
            else if (worker.isConnected()) worker.send({ type: "close" } satisfies PrimaryMessage);
            // A front that has not exited within 5 s is killed (fronts ignore SIGINT and SIGTERM).
            setTimeout(() => worker.process.kill("SIGKILL"), 5000).unref();
          }),
      ),
    );
  };

  let address: AddressInfo;
  try {
    // The first front binds the port (a free one for `0`); the others share its socket.
    address = await fork({ quickDeaths: 0 });
    await Promise.all(Array.from({ length: options.count - 1 }, () => fork({ quickDeaths: 0 })));
  } catch (error) {
    await stop();
    throw error;
  }
  started = true;
  log.info(
    options.count === 1
      ? `1 webhook front process serves port ${address.port}`
      : `${options.count} webhook front processes share port ${address.port}`,
  );
  return {
    address,
    async whenIdle() {
      // Every front whose channel is open: a starting one may be answering already though its
      // `listening` has not been read here yet, and an exited one's last messages may be unread.
      await Promise.all([...channels].map((messages) => messages.sync()));
      if (busyFronts > 0) await new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    close: stop,
  };
}
