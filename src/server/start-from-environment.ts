import cluster from "node:cluster";
import { createProbot, run, type ApplicationFunction, type Probot } from "probot";
import { createSpecwrightApp, type SpecwrightApp } from "../app.js";
import { countAvailableCores } from "./count-available-cores.js";
import { readServerEnv, resolveWebhookProcesses } from "./read-server-env.js";
import { startSpecwrightServer, type SpecwrightServer } from "./start-specwright-server.js";

/** What `startFromEnvironment` can be given instead of the defaults (tests). */
export interface StartFromEnvironmentDeps {
  /** Default `process.env` (after `loadDotEnv`). */
  env?: Record<string, string | undefined>;
  /** Probot's `run`: starts its setup wizard when the app has no credentials yet. */
  runProbot?: (app: ApplicationFunction) => Promise<{ stop(): Promise<void> }>;
  /** Builds the Probot instance from the environment (default Probot's `createProbot`). */
  createProbot?: typeof createProbot;
  /** Cores this process can use (default `countAvailableCores()`), for `SPECWRIGHT_WEBHOOK_PROCESSES=auto`. */
  cores?: number;
  /** Builds Specwright (default `createSpecwrightApp({ env })`). */
  createApp?: (env: Record<string, string | undefined>) => SpecwrightApp;
}

/** What was started. */
export type Started =
  | { mode: "setup"; stop(): Promise<void> }
  | { mode: "server"; server: SpecwrightServer; specwright: SpecwrightApp; stop(): Promise<void> };

/**
 * `npm start`. Without an app id or private key (`APP_ID`, `PRIVATE_KEY` / `PRIVATE_KEY_PATH` /
 * one `*.pem`), hands over to Probot's `run`, which starts its setup wizard from `app.yml` (or,
 * with `NODE_ENV=production`, fails saying what is missing), exactly as `probot run` does.
 * Otherwise creates the Probot instance from the environment (credentials, GitHub Enterprise,
 * logging) and starts Specwright's own webhook server with it.
 */
export async function startFromEnvironment(deps: StartFromEnvironmentDeps = {}): Promise<Started> {
  const env = deps.env ?? process.env;
  const { env: settings, problems } = readServerEnv(env);
  const specwright = (deps.createApp ?? ((e) => createSpecwrightApp({ env: e })))(env);
  let probot: Probot;
  try {
    probot = (deps.createProbot ?? createProbot)({
      env,
      overrides: { logLevel: settings.logLevel, logFormat: settings.logFormat, secret: settings.secret },
    });
  } catch {
    // Probot's constructor throws only when the app id or the private key is missing.
    const wizard = await (deps.runProbot ?? run)(specwright.app);
    return { mode: "setup", stop: () => wizard.stop() };
  }
  await probot.ready();
  for (const p of problems) probot.log.error(`Environment variable ${p.variable} ignored: ${p.message}`);
  if (settings.secretIsDefault) {
    probot.log.warn(
      "WEBHOOK_SECRET is not set: deliveries are verified with Probot's default secret \"development\". Set it to your GitHub App's webhook secret.",
    );
  }
  // Fronts are this process's cluster workers: none when it is itself one (e.g. pm2's cluster mode).
  let webhookProcesses = resolveWebhookProcesses(
    settings.webhookProcesses,
    deps.cores ?? countAvailableCores(),
  );
  if (webhookProcesses > 0 && !cluster.isPrimary) {
    if (settings.webhookProcesses !== "auto") {
      probot.log.warn(
        "SPECWRIGHT_WEBHOOK_PROCESSES ignored: this process is a cluster worker and serves the port itself.",
      );
    }
    webhookProcesses = 0;
  }
  const server = await startSpecwrightServer({
    probot,
    specwright,
    secret: settings.secret,
    port: settings.port,
    host: settings.host,
    webhookPath: settings.webhookPath,
    webhookProxyUrl: settings.webhookProxyUrl,
    webhookProcesses,
  });
  return { mode: "server", server, specwright, stop: () => server.close() };
}
