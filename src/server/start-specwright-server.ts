import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Probot } from "probot";
import type { SpecwrightApp } from "../app.js";
import { createDeliveryInbox } from "./create-delivery-inbox.js";
import { createWebhookMiddleware, DEFAULT_WEBHOOK_PATH } from "./create-webhook-middleware.js";
import { startWebhookProxy, type WebhookProxy } from "./start-webhook-proxy.js";
import { trackDeliveries } from "./track-deliveries.js";

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
  /** A smee.io channel to relay webhooks from (local development). */
  webhookProxyUrl?: string | undefined;
}

/** A listening Specwright server. */
export interface SpecwrightServer {
  /** Where GitHub delivers webhooks, e.g. `http://127.0.0.1:3000/api/github/webhooks`. */
  webhookUrl: string;
  port: number;
  /**
   * Resolves once every delivery answered `202` (deferred, see `createDeliveryInbox`) has been
   * received, i.e. its job is queued.
   */
  whenReceived(): Promise<void>;
  /**
   * Stops the proxy and the server (open connections included), then receives the deliveries
   * still deferred; queued jobs are not awaited.
   */
  close(): Promise<void>;
}

function pathOf(request: IncomingMessage): string {
  const url = request.url ?? "/";
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}

function answer(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8" }).end(text);
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
  const webhooks = createWebhookMiddleware({
    secret: options.secret,
    path: webhookPath,
    accept: (delivery) => inbox.accept(delivery),
    log: problems,
  });

  const server = createServer((request, response) => {
    if (request.method === "GET" && pathOf(request) === "/ping") return answer(response, 200, "PONG");
    webhooks(request, response).then(
      (handled) => {
        if (!handled) answer(response, 404, "Not found\n");
      },
      (error: unknown) => {
        log.error({ err: error }, "request failed");
        if (!response.headersSent) answer(response, 500, "Internal error\n");
        else response.destroy();
      },
    );
  });

  // Jobs hold their work while deliveries are being answered (see createDeliveryActivity).
  trackDeliveries(server, specwright.activity);

  const host = options.host ?? "localhost";
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        error.message = `Port ${options.port} is already in use. Set PORT to use another port.`;
      }
      reject(error);
    };
    server.once("error", onError);
    server.listen(options.port, host, () => {
      server.off("error", onError);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
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
    whenReceived: () => inbox.whenDrained(),
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        proxy?.close();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      });
      await inbox.whenDrained();
    },
  };
}
