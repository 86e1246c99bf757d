/** Where the proxy reports (Probot's pino logger fits; smee-client logs through it too). */
export interface ProxyLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** A running relay; `close` stops it. */
export interface WebhookProxy {
  close(): void;
}

interface SmeeClientLike {
  start(): Promise<unknown> | unknown;
  stop?: () => unknown;
}
type SmeeClientClass = new (options: { source: string; target: string; logger: ProxyLog }) => SmeeClientLike;

// A variable, so TypeScript does not look for smee-client's types: it is an optional,
// user-installed development tool, not one of Specwright's dependencies.
const SMEE_CLIENT = "smee-client";

/**
 * Relays webhooks from a smee.io channel (`WEBHOOK_PROXY_URL`) to this server, as `probot run`
 * does for local development, with the `smee-client` package when it is installed. Without it,
 * warns how to install it and returns `undefined` (the server still runs).
 */
export async function startWebhookProxy(options: {
  source: string;
  target: string;
  log: ProxyLog;
}): Promise<WebhookProxy | undefined> {
  let SmeeClient: SmeeClientClass | undefined;
  try {
    // smee-client 2+ exports { SmeeClient } (what Probot loads); older versions a default export.
    const module = (await import(SMEE_CLIENT)) as { SmeeClient?: SmeeClientClass; default?: SmeeClientClass };
    SmeeClient = module.SmeeClient ?? module.default;
  } catch {
    SmeeClient = undefined;
  }
  if (SmeeClient === undefined) {
    options.log.warn(
      "WEBHOOK_PROXY_URL is set but smee-client is not installed: run `npm install --save-dev smee-client` to relay webhooks to this server.",
    );
    return undefined;
  }
  const client = new SmeeClient({ source: options.source, target: options.target, logger: options.log });
  const events = await client.start();
  return {
    close() {
      if (typeof client.stop === "function") void client.stop();
      else (events as { close?: () => void } | undefined)?.close?.();
    },
  };
}
