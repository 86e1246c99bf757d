import type { AddressInfo } from "node:net";
import type { Probot } from "probot";
import type { SpecwrightApp } from "../app.js";
import { createDeliveryInbox } from "./create-delivery-inbox.js";
import { DEFAULT_WEBHOOK_PATH } from "./create-webhook-middleware.js";
import { startWebhookFronts } from "./front/start-webhook-fronts.js";
import { listenForWebhooks } from "./listen-for-webhooks.js";
import { startWebhookProxy, type WebhookProxy } from "./start-webhook-proxy.js";

/** Options of `startSpecwrightServer`. */
export interface SpecwrightServerOptions {
  /** An authenticated Probot instance: jobs get installation clients and the logger from it. */
  probot: Probot;
  specwright: SpecwrightApp;
  /** The GitHub App's webhook secret. */
  secret: string;
  /** `0` picks a free port. */
  port: number;
  /** Default `localhost`, as `probot run`. */
  host?: string;
  webhookPath?: string;
  /**
   * Webhook front processes serving the port (default 0: this process serves it). With 2 or
   * more, answering a burst of deliveries uses the other cores while this process runs the jobs
   * (see `startWebhookFronts`).
   */
  webhookProcesses?: number;
  /** A smee.io channel to relay webhooks from (local development). */
  webhookProxyUrl?: string | undefined;
}

/** A listening Specwright server. */
export interface SpecwrightServer {
  /** Where GitHub delivers webhooks, e.g. `http://127.0.0.1:3000/api/github/webhooks`. */
  webhookUrl: string;
  port: number;
  /**
   * Resolves once no front is answering and every delivery answered so far, `202` ones included
   * (deferred, see `createDeliveryInbox`), has been received, i.e. its job is queued.
   */
  whenReceived(): Promise<void>;
  /**
   * Stops the proxy and the server (open connections included), then receives the deliveries
   * still deferred; queued jobs are not awaited.
   */
  close(): Promise<void>;
}

/**
 * Loads Specwright into `probot` and serves it on node:http: `POST <webhookPath>` through
 * Specwright's webhook middleware (verify, parse, validate, enqueue, answer; in a burst,
 * answer first and parse after, see `createDeliveryInbox`; no per-event Octokit or logger), `GET /ping` → `PONG` (health checks, as Probot's server), 404 otherwise.
 * Jobs authenticate through `probot` when they run. With `webhookProxyUrl`, relays a smee.io
 * channel to the webhook path, as `probot run` does.
 */
export async function startSpecwrightServer(options: SpecwrightServerOptions): Promise<SpecwrightServer> {
  const { probot, specwright } = options;
  await probot.load(specwright.app);
  const log = probot.log;
  const webhookPath = options.webhookPath ?? DEFAULT_WEBHOOK_PATH;
  const problems = {
    warn: (details: Record<string, unknown>, message: string) => log.warn(details, message),
    error: (details: Record<string, unknown>, message: string) => log.error(details, message),
  };
  const inbox = createDeliveryInbox({
    receive: specwright.receive,
    activity: specwright.activity,
    log: problems,
  });
  const host = options.host ?? "localhost";
  // Either fronts serve the port (and may still be handing deliveries over), or this process does.
  const serving: { address: AddressInfo; close(): Promise<void>; whenIdle(): Promise<void> } =
    options.webhookProcesses
      ? await startWebhookFronts({
          count: options.webhookProcesses,
          secret: options.secret,
          path: webhookPath,
          port: options.port,
          host,
          inbox,
          activity: specwright.activity,
          log: { ...problems, info: (message) => log.info(message) },
        })
      : {
          ...(await listenForWebhooks({
            secret: options.secret,
            path: webhookPath,
            accept: (delivery) => inbox.accept(delivery),
            log: problems,
            activity: specwright.activity,
            port: options.port,
            host,
          })),
          whenIdle: () => Promise.resolve(),
        };
  const { address } = serving;
  const printable = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const webhookUrl = `http://${printable}:${address.port}${webhookPath}`;
  log.info(`Specwright listening on http://${printable}:${address.port} (webhooks: ${webhookPath})`);

  let proxy: WebhookProxy | undefined;
  if (options.webhookProxyUrl) {
    proxy = await startWebhookProxy({
      source: options.webhookProxyUrl,
      target: webhookUrl,
      log: {
        info: (message) => log.info(message),
        warn: (message) => log.warn(message),
        error: (message) => log.error(message),
      },
    });
  }

  return {
    webhookUrl,
    port: address.port,
    whenReceived: async () => {
      await serving.whenIdle();
      await inbox.whenDrained();
    },
    close: async () => {
      proxy?.close();
      await serving.close();
      await inbox.whenDrained();
    },
  };
}
