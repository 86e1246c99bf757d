import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { DeliveryActivity } from "../adapters/queue/create-delivery-activity.js";
import { redactSecrets } from "../core/redact-secrets.js";
import { createRequestListener } from "./create-request-listener.js";
import { createWebhookMiddleware, type WebhookMiddlewareOptions } from "./create-webhook-middleware.js";
import { trackDeliveries } from "./track-deliveries.js";

/** Options of `listenForWebhooks`. */
export interface ListenForWebhooksOptions extends WebhookMiddlewareOptions {
  /** Told about every connection and request in flight. */
  activity: DeliveryActivity;
  /** `0` picks a free port. */
  port: number;
  host: string;
}

/** A listening webhook server. */
export interface WebhookListener {
  address: AddressInfo;
  /**
   * Stops accepting and closes idle connections at once; requests being answered get up to
   * `graceMs` (default 3 s) to finish before their connections are closed too.
   */
  close(graceMs?: number): Promise<void>;
}

/**
 * Serves Specwright's webhook endpoint (see `createWebhookMiddleware`), `GET /ping` and 404s on
 * node:http, reporting deliveries in flight to `activity`. Rejects with a plain message when the
 * port is taken.
 */
export async function listenForWebhooks(options: ListenForWebhooksOptions): Promise<WebhookListener> {
  const webhooks = createWebhookMiddleware(options);
  const server = createServer(
    createRequestListener(webhooks, (error) => {
      const message = redactSecrets(error instanceof Error ? (error.stack ?? error.message) : String(error));
      options.log.error({}, `request failed: ${message}`);
    }),
  );
  trackDeliveries(server, options.activity);
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        error.message = `Port ${options.port} is already in use. Set PORT to use another port.`;
      }
      reject(error);
    };
    server.once("error", onError);
    server.listen(options.port, options.host, () => {
      server.off("error", onError);
      resolve();
    });
  });
  return {
    address: server.address() as AddressInfo,
    close: (graceMs = 3000) =>
      new Promise((resolve, reject) => {
        // A kept-alive connection turns idle once its answer is out: sweep until none is left.
        const sweep = setInterval(() => server.closeIdleConnections(), 20);
        const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
        server.close((error) => {
          clearInterval(sweep);
          clearTimeout(deadline);
          if (error) reject(error);
          else resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
