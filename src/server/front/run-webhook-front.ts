import cluster from "node:cluster";
import { z } from "zod";
import { listenForWebhooks } from "../listen-for-webhooks.js";
import { createFrontActivity } from "./create-front-activity.js";
import { createFrontForwarder } from "./create-front-forwarder.js";
import { primaryMessageSchema, type FrontMessage } from "./front-messages.js";

/** The environment variable a front reads its settings from (set by `startWebhookFronts`). */
export const FRONT_SETTINGS_VARIABLE = "SPECWRIGHT_WEBHOOK_FRONT";

const settingsSchema = z.object({
  secret: z.string().min(1),
  path: z.string().startsWith("/"),
  port: z.number().int().min(0).max(65535),
  host: z.string().min(1),
  maxBodyBytes: z.number().int().positive().optional(),
});
/** What a front is told to serve. */
export type FrontSettings = z.infer<typeof settingsSchema>;

/**
 * A webhook front: a cluster worker that serves the webhook endpoint on the port it shares with
 * the other fronts (the kernel hands each connection to one of them), verifies and answers
 * deliveries, and hands them to the primary process, which runs the jobs (see
 * `createFrontForwarder`). It reports when it is busy answering, so the primary holds job work
 * meanwhile, and exits when the primary says so or goes away.
 */
export async function runWebhookFront(env: Readonly<Record<string, string | undefined>>): Promise<void> {
  /** `sent` is called once the message is in the channel, with the error if it is not. */
  const send = (message: FrontMessage, sent?: (error?: Error | null) => void) => {
    if (process.connected && process.send) {
      process.send(message, undefined, {}, (error: Error | null) => sent?.(error));
    } else sent?.(new Error("the jobs process is gone"));
  };
  const fail = (message: string) => send({ type: "fatal", message }, () => process.exit(1));
  let raw: unknown;
  try {
    raw = JSON.parse(env[FRONT_SETTINGS_VARIABLE] ?? "");
  } catch {
    return fail(`${FRONT_SETTINGS_VARIABLE} is not JSON`);
  }
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) return fail(`invalid ${FRONT_SETTINGS_VARIABLE}: ${parsed.error.message}`);
  const settings = parsed.data;
  const log = (level: "warn" | "error") => (details: Record<string, unknown>, message: string) =>
    send({ type: "log", level, details, message });
  // While a delivery is in flight here, the primary holds its job work.
  const activity = createFrontActivity({
    send,
    gc: globalThis.gc,
    onCollectError: (error) => log("warn")({}, `webhook front could not collect garbage: ${String(error)}`),
  });
  const forwarder = createFrontForwarder({
    activity,
    send,
    onLateProblem: (delivery, problem) =>
      log("error")({ delivery }, `webhook ${delivery} answered 202 after a timeout, then failed: ${problem}`),
  });

  const listening = listenForWebhooks({
    secret: settings.secret,
    path: settings.path,
    accept: (delivery) => forwarder.accept(delivery),
    log: { warn: log("warn"), error: log("error") },
    activity,
    port: settings.port,
    host: settings.host,
    ...(settings.maxBodyBytes === undefined ? {} : { maxBodyBytes: settings.maxBodyBytes }),
  });

  // Listening before the server is up, so that a close asked for during start-up is not lost.
  process.on("message", (message: unknown) => {
    const parsedMessage = primaryMessageSchema.safeParse(message);
    if (!parsedMessage.success) {
      log("error")(
        {},
        `webhook front ignored a message it does not understand: ${parsedMessage.error.message}`,
      );
      return;
    }
    if (parsedMessage.data.type === "sync") return send({ type: "synced", id: parsedMessage.data.id });
    if (parsedMessage.data.type !== "close") return forwarder.onAnswer(parsedMessage.data);
    // Answers under way (their deliveries are the primary's already) get to finish first.
    void listening
      .then((listener) => listener.close())
      .catch(() => undefined)
      .finally(() => send({ type: "busy", busy: false }, () => process.exit(0)));
  });
  // Messages sent to a cluster worker before it listens for them are lost: from here on, none is.
  send({ type: "ready" });
  // The primary is gone: nobody is left to run the jobs.
  process.on("disconnect", () => process.exit(0));
  // Ctrl-C reaches the whole process group: the primary stops the fronts itself, after they have
  // handed over what they batched.
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => undefined);

  await listening.catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
}

if (cluster.isWorker && process.env[FRONT_SETTINGS_VARIABLE] !== undefined) {
  await runWebhookFront(process.env);
}
