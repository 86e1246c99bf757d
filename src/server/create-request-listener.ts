import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { WebhookMiddleware } from "./create-webhook-middleware.js";

function pathOf(request: IncomingMessage): string {
  const url = request.url ?? "/";
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}

function answer(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8" }).end(text);
}

/**
 * What Specwright's webhook server answers: the webhook path through `webhooks`, `GET /ping` →
 * `PONG` (health checks, as Probot's server), 404 otherwise; a request that fails unexpectedly
 * is logged and answered 500 (or its connection dropped if the answer had begun).
 */
export function createRequestListener(
  webhooks: WebhookMiddleware,
  logError: (error: unknown) => void,
): RequestListener {
  return (request, response) => {
    if (request.method === "GET" && pathOf(request) === "/ping") return answer(response, 200, "PONG");
    webhooks(request, response).then(
      (handled) => {
        if (!handled) answer(response, 404, "Not found\n");
      },
      (error: unknown) => {
        logError(error);
        if (!response.headersSent) answer(response, 500, "Internal error\n");
        else response.destroy();
      },
    );
  };
}
