import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeMiddleware, type ApplicationFunction, type Probot } from "probot";

/** A running webhook server on loopback: its URL and how to stop it. */
export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** Starts Probot's node middleware on a node:http server listening on 127.0.0.1 (a free port). */
export async function startWebhookServer(probot: Probot, app: ApplicationFunction): Promise<TestServer> {
  const middleware = await createNodeMiddleware(app, { probot });
  const server: Server = createServer((req, res) => {
    void middleware(req, res, () => {
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/github/webhooks`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** `sha256=<hex>`: the HMAC GitHub puts in `X-Hub-Signature-256`. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** POSTs a webhook delivery the way GitHub does. */
export function postWebhook(
  url: string,
  event: { name: string; id: string; body: string; signature: string },
): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": "GitHub-Hookshot/test",
      "x-github-event": event.name,
      "x-github-delivery": event.id,
      "x-hub-signature-256": event.signature,
    },
    body: event.body,
  });
}
