import type { IncomingMessage, ServerResponse } from "node:http";
import { redactSecrets } from "../core/redact-secrets.js";
import type { Acceptance, VerifiedDelivery } from "./create-delivery-inbox.js";
import { readRequestBody } from "./read-request-body.js";
import { verifyWebhookSignature } from "./verify-webhook-signature.js";

/** GitHub's default webhook path, as Probot serves it. */
export const DEFAULT_WEBHOOK_PATH = "/api/github/webhooks";
/** GitHub caps webhook payloads at 25 MB. */
const MAX_BODY_BYTES = 25 * 1024 * 1024;
const JSON_CONTENT_TYPE = /^\s*application\/json\s*(;|$)/i;

/** Where the middleware reports deliveries it rejects or fails on (Probot's pino logger fits). */
export interface WebhookLog {
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

/** Options of `createWebhookMiddleware`. */
export interface WebhookMiddlewareOptions {
  /** The GitHub App's webhook secret. */
  secret: string;
  /** The path deliveries are POSTed to (default `/api/github/webhooks`). */
  path?: string;
  /**
   * Takes a verified delivery: parses and receives it (validate + enqueue, never waiting for the
   * job), or defers that (see `createDeliveryInbox`).
   */
  accept(delivery: VerifiedDelivery): Promise<Acceptance>;
  log: WebhookLog;
  /** Largest accepted body (default 25 MB, GitHub's own cap). */
  maxBodyBytes?: number;
}

/** Answers a request if it is for the webhook path (true), or leaves it alone (false). */
export type WebhookMiddleware = (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;

function reply(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) {
  response
    .writeHead(status, {
      "content-type": "text/plain; charset=utf-8",
      "content-length": String(Buffer.byteLength(text)),
      ...headers,
    })
    .end(text);
  return true;
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}

const trimSlashes = (path: string) => path.replace(/\/+$/, "") || "/";

/**
 * Specwright's webhook endpoint: reads the body, verifies `X-Hub-Signature-256`, hands the
 * delivery to `accept` and answers with what happened, visible in the app's delivery log: 200
 * with the handler's outcome (`queued`, `coalesced`, `duplicate-delivery` or `ignored: <why>`),
 * or 202 when the delivery is received after a burst it arrived in. Nothing else runs per
 * delivery: no client, no logger is created; jobs authenticate when they run. Bad signature 401
 * (nothing runs), missing headers or invalid JSON 400, wrong content type 415, body over the
 * limit 413, a failing `accept` 500.
 */
export function createWebhookMiddleware(options: WebhookMiddlewareOptions): WebhookMiddleware {
  const path = trimSlashes(options.path ?? DEFAULT_WEBHOOK_PATH);
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const { secret, accept, log } = options;
  if (secret === "") throw new Error("The webhook secret must not be empty: set WEBHOOK_SECRET");

  return async (request, response) => {
    const url = request.url ?? "/";
    const query = url.indexOf("?");
    if (trimSlashes(query === -1 ? url : url.slice(0, query)) !== path) return false;
    if (request.method !== "POST") return reply(response, 405, "Webhooks are POSTed\n", { allow: "POST" });

    const name = header(request, "x-github-event");
    const id = header(request, "x-github-delivery");
    const signature = header(request, "x-hub-signature-256");
    if (name === undefined || id === undefined || signature === undefined) {
      const missing = [
        ...(name === undefined ? ["X-GitHub-Event"] : []),
        ...(id === undefined ? ["X-GitHub-Delivery"] : []),
        ...(signature === undefined ? ["X-Hub-Signature-256"] : []),
      ];
      log.warn({ delivery: id, missing }, "webhook rejected: headers missing");
      return reply(response, 400, `Required headers missing: ${missing.join(", ")}\n`);
    }
    if (!JSON_CONTENT_TYPE.test(request.headers["content-type"] ?? "")) {
      return reply(response, 415, "Content-Type must be application/json\n");
    }

    const body = await readRequestBody(request, maxBodyBytes).catch(() => undefined);
    if (body === undefined) {
      // The connection failed mid-body: nobody is left to answer.
      response.destroy();
      return true;
    }
    if (body === "too-large") {
      log.warn({ delivery: id, event: name }, "webhook rejected: body too large");
      return reply(response, 413, "Payload too large\n", { connection: "close" });
    }
    // GitHub sends UTF-8 JSON; a body that is not valid UTF-8 fails the signature check below.
    const text = body.toString("utf8");
    if (!(await verifyWebhookSignature(secret, text, signature))) {
      log.warn({ delivery: id, event: name }, "webhook rejected: signature does not match");
      return reply(response, 401, "Signature does not match the payload and the webhook secret\n");
    }
    try {
      const acceptance = await accept({ id, name, body: text });
      if (acceptance.kind === "invalid-json") return reply(response, 400, "Invalid JSON\n");
      if (acceptance.kind === "deferred") {
        return reply(response, 202, "accepted: handled once the deliveries arriving with it are answered\n");
      }
      const { outcome } = acceptance;
      return reply(
        response,
        200,
        outcome.status === "ignored" ? `ignored: ${outcome.reason}\n` : `${outcome.status}\n`,
      );
    } catch (error) {
      const message = redactSecrets(error instanceof Error ? error.message : String(error));
      log.error({ delivery: id, event: name }, `webhook ${name} ${id} failed: ${message}`);
      return reply(response, 500, "Internal error\n");
    }
  };
}
