import cluster, { type Worker } from "node:cluster";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { DeliveryActivity } from "../../adapters/queue/create-delivery-activity.js";
import { redactSecrets } from "../../core/redact-secrets.js";
import type { DeliveryInbox } from "../create-delivery-inbox.js";
import type { WebhookLog } from "../create-webhook-middleware.js";
import {
  frontMessageSchema,
  verifiedDeliverySchema,
  type FrontMessage,
  type PrimaryMessage,
} from "./front-messages.js";
import { FRONT_SETTINGS_VARIABLE, type FrontSettings } from "./run-webhook-front.js";

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
   * A front that dies is replaced at once; one that dies again within 10 s of its start waits
   * this long first (default 1 s), doubling with each quick death up to 30 s.
   */
  restartDelayMs?: number;
}

/** Running fronts. */
export interface WebhookFronts {
  /** The address they share (the port picked when asked for `0`). */
  address: AddressInfo;
  /** Resolves once no front has a delivery in flight or not handed over yet. */
  whenIdle(): Promise<void>;
  /** Asks every front to close its connections, hand over what it batched and exit. */
  close(): Promise<void>;
}

/** The front's entry: the compiled `.js` next to this file, or the `.ts` source run through tsx. */
function frontEntry(): { exec: string; execArgv: string[] } {
  const source = import.meta.url.endsWith(".ts");
  return {
    exec: fileURLToPath(new URL(`./run-webhook-front.${source ? "ts" : "js"}`, import.meta.url)),
    execArgv: source ? ["--import", "tsx"] : [],
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
  let quickDeaths = 0;
  /** Each front, and whether it listens yet (before that, it has no delivery and no handler). */
  const workers = new Map<Worker, { listening: boolean }>();
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

  const handle = (worker: Worker, message: FrontMessage, ended: { end?: () => void }) => {
    const reply = (m: PrimaryMessage) => worker.isConnected() && worker.send(m);
    switch (message.type) {
      case "busy":
        if (message.busy) ended.end ??= markBusy();
        else {
          ended.end?.();
          delete ended.end;
        }
        return;
      case "deliveries":
        for (const item of message.deliveries) {
          const delivery = verifiedDeliverySchema.safeParse(item);
          if (delivery.success) inbox.defer(delivery.data);
          else
            log.error(
              { front: worker.id },
              `ignored a delivery a webhook front handed over: ${delivery.error.message}`,
            );
        }
        return;
      case "delivery":
        inbox.accept(message.delivery).then(
          (acceptance) => reply({ type: "acceptance", seq: message.seq, acceptance }),
          (error: unknown) =>
            reply({
              type: "failed",
              seq: message.seq,
              message: redactSecrets(error instanceof Error ? error.message : String(error)),
            }),
        );
        return;
      case "log":
        log[message.level](message.details, message.message);
        return;
      case "fatal":
        // Reported with the front's exit (below).
        return;
    }
  };

  const fork = (): Promise<AddressInfo> =>
    new Promise((resolve, reject) => {
      const worker = cluster.fork({ [FRONT_SETTINGS_VARIABLE]: JSON.stringify(settings) });
      const state = { listening: false };
      const forkedAt = Date.now();
      workers.set(worker, state);
      const busy: { end?: () => void } = {};
      let fatal: string | undefined;
      worker.on("message", (raw: unknown) => {
        const message = frontMessageSchema.safeParse(raw);
        if (!message.success) {
          log.error({ front: worker.id }, `ignored a webhook front message: ${message.error.message}`);
          return;
        }
        if (message.data.type === "fatal") fatal = message.data.message;
        handle(worker, message.data, busy);
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
        busy.end?.();
        delete busy.end;
        const why = redactSecrets(fatal ?? `exited (${signal ?? `code ${code}`})`);
        reject(new Error(fatal === undefined ? `webhook front ${why} before listening` : why));
        // During start-up the caller gets the error; while closing, exits are expected.
        if (closing || !started) return;
        quickDeaths = Date.now() - forkedAt < 10_000 ? quickDeaths + 1 : 0;
        const delay =
          quickDeaths <= 1 ? 0 : Math.min((options.restartDelayMs ?? 1000) * 2 ** (quickDeaths - 2), 30_000);
        log.error({ front: worker.id }, `webhook front failed: ${why}; starting another in ${delay} ms`);
        setTimeout(() => {
          if (!closing) fork().catch((error: Error) => log.error({}, redactSecrets(error.message)));
        }, delay).unref();
      });
    });

  const stop = async (): Promise<void> => {
    closing = true;
    await Promise.all(
      [...workers].map(
        ([worker, state]) =>
          new Promise<void>((resolve) => {
            worker.once("exit", () => resolve());
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
    address = await fork();
    await Promise.all(Array.from({ length: options.count - 1 }, () => fork()));
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
    whenIdle: () =>
      busyFronts === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve)),
    close: stop,
  };
}
