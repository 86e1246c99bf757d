import type { ApplicationFunction, ApplicationFunctionOptions, Probot } from "probot";
import { createAnthropicModel } from "./adapters/anthropic/create-anthropic-model.js";
import { builtinPromptsDir } from "./adapters/local/builtin-prompts-dir.js";
import { createDeliveryActivity, type DeliveryActivity } from "./adapters/queue/create-delivery-activity.js";
import { createInProcessQueue } from "./adapters/queue/create-in-process-queue.js";
import { readAppEnv, type AppEnv } from "./app-env.js";
import { SpecwrightError } from "./core/errors.js";
import { createRateLimiter } from "./core/limits/create-rate-limiter.js";
import { redactSecrets } from "./core/redact-secrets.js";
import { HANDLED_EVENTS, handleWebhook, type NamedWebhookDelivery } from "./handlers/handle-webhook.js";
import type { HandlerDeps, HandlerOutcome } from "./handlers/handler-types.js";
import type { JobPayload } from "./jobs/job-payload.js";
import type { JobOctokit, JobServices } from "./jobs/job-services.js";
import { runJob } from "./jobs/run-job.js";
import type { JobQueue } from "./ports/job-queue.js";
import type { ModelPort } from "./ports/model.js";
import { createSpecEngine } from "./services/create-spec-engine.js";
import type { SpecEngine } from "./services/spec-engine.js";

/** What `createSpecwrightApp` can be given instead of the defaults (tests, benchmarks). */
export interface SpecwrightAppDeps {
  /** Environment variables (default `process.env`), read once with `readAppEnv`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** A ready engine, replacing the one built from the model. */
  engine?: SpecEngine;
  /** Builds the model port (default: Anthropic with `ANTHROPIC_API_KEY` / `ANTHROPIC_BASE_URL`). */
  createModel?: (env: AppEnv & { ANTHROPIC_API_KEY: string }) => ModelPort;
  /** Jobs at once (default `SPECWRIGHT_CONCURRENCY`). */
  concurrency?: number;
  /** Clock in epoch milliseconds. */
  now?: () => number;
  progressIntervalMs?: number;
  runsPerIssuePerHour?: number;
  /** The app's bot login (default `SPECWRIGHT_BOT_LOGIN`, else read from `GET /app`). */
  botLogin?: string;
  /** How long job work steps aside for webhook deliveries at most (default 250 ms). */
  maxHoldMs?: number;
}

/** The app function for Probot, the webhook entry and the queue they feed. */
export interface SpecwrightApp {
  /**
   * Loads Specwright into a Probot instance: jobs authenticate through it, log through its
   * logger, and its `app.on` handlers route events to the same `receive` path (`probot.receive`
   * and `probot run ./dist/app.js` work). Load it before serving `receive`.
   */
  app: ApplicationFunction;
  /**
   * Validates a verified delivery and enqueues its job (no GitHub request, no per-event client):
   * what Specwright's webhook server calls for each delivery.
   */
  receive(delivery: NamedWebhookDelivery): Promise<HandlerOutcome>;
  /** For shutdown, health checks and tests. */
  queue: JobQueue<JobPayload>;
  /**
   * Deliveries in flight, reported by the webhook server: jobs await `whenQuiet` before they
   * start and before each GitHub request, so acknowledgements go first.
   */
  activity: DeliveryActivity;
}

/**
 * Builds Specwright's GitHub App: webhook handlers that validate and enqueue, and the in-process
 * queue that runs the jobs. The model's key is read here, at the edge; without one the app
 * still starts and every job that needs the model fails with a comment saying what to set.
 */
export function createSpecwrightApp(deps: SpecwrightAppDeps = {}): SpecwrightApp {
  const rawEnv = deps.env ?? process.env;
  const { env, problems } = readAppEnv(rawEnv);
  const now = deps.now ?? Date.now;
  let probot: Probot | undefined;
  let engine: SpecEngine | undefined = deps.engine;
  let botLogin: Promise<string> | undefined;
  const requireProbot = (): Probot => {
    if (!probot) throw new Error("The Specwright app function has not been loaded by Probot yet");
    return probot;
  };

  const activity = createDeliveryActivity(deps.maxHoldMs === undefined ? {} : { maxHoldMs: deps.maxHoldMs });
  const services: JobServices = {
    octokitFor: async (installationId): Promise<JobOctokit> => {
      const octokit = await requireProbot().auth(installationId);
      // A job's chain of requests (which, against a fast API, hardly waits for I/O) must not
      // delay webhook answers: each request waits until no delivery is in flight.
      octokit.hook.before("request", () => activity.whenQuiet());
      return octokit;
    },
    botLogin() {
      const known = deps.botLogin ?? env.SPECWRIGHT_BOT_LOGIN;
      if (known) return Promise.resolve(known);
      botLogin ??= requireProbot()
        .auth()
        .then((octokit) => octokit.request("GET /app"))
        .then(({ data }) => `${(data as { slug: string }).slug}[bot]`);
      botLogin.catch(() => (botLogin = undefined));
      return botLogin;
    },
    engine() {
      if (engine) return engine;
      const apiKey = env.ANTHROPIC_API_KEY;
      if (!apiKey) {
        throw new SpecwrightError(
          "The Specwright server has no Anthropic API key, so it cannot call the model",
          "Whoever runs this Specwright installation must set ANTHROPIC_API_KEY (and restart it); then retry",
        );
      }
      const createModel =
        deps.createModel ??
        ((e: AppEnv & { ANTHROPIC_API_KEY: string }) =>
          createAnthropicModel({
            apiKey: e.ANTHROPIC_API_KEY,
            ...(e.ANTHROPIC_BASE_URL ? { baseURL: e.ANTHROPIC_BASE_URL } : {}),
          }));
      engine = createSpecEngine({ model: createModel({ ...env, ANTHROPIC_API_KEY: apiKey }), now });
      return engine;
    },
    enqueue: (request) => queue.enqueue(request),
    runLimiter: createRateLimiter({
      max: deps.runsPerIssuePerHour ?? env.SPECWRIGHT_RUNS_PER_ISSUE_PER_HOUR,
      windowMs: 60 * 60 * 1000,
      now,
    }),
    refusalLimiter: createRateLimiter({ max: 1, windowMs: 60 * 60 * 1000, now }),
    secretEnv: rawEnv,
    now,
    progressIntervalMs: deps.progressIntervalMs ?? env.SPECWRIGHT_PROGRESS_INTERVAL_SECONDS * 1000,
    builtinPromptsDir: builtinPromptsDir(),
    log: {
      info: (details, message) => probot?.log.info(details, message),
      warn: (details, message) => probot?.log.warn(details, message),
      error: (details, message) => probot?.log.error(details, message),
    },
  };

  const queue = createInProcessQueue<JobPayload>({
    concurrency: deps.concurrency ?? env.SPECWRIGHT_CONCURRENCY,
    now: () => new Date(now()),
    run: async (job) => {
      await activity.whenQuiet();
      await runJob(job, services);
    },
    onError: (error, job) => {
      const message = redactSecrets(error instanceof Error ? error.message : String(error), rawEnv);
      probot?.log.error({ job: job.id, key: job.key }, `job ${job.id} failed: ${message}`);
    },
  });

  const app: ApplicationFunction = (instance: Probot, _options: ApplicationFunctionOptions) => {
    probot = instance;
    for (const p of problems) instance.log.error(`Environment variable ${p.variable} ignored: ${p.message}`);
    if (!env.ANTHROPIC_API_KEY && !deps.engine) {
      instance.log.warn(
        "ANTHROPIC_API_KEY is not set: jobs that call the model will fail with a comment saying so.",
      );
    }
    instance.on([...HANDLED_EVENTS], (context) =>
      handleWebhook(
        { id: context.id, name: context.name, payload: context.payload },
        { queue, log: { info: (details, message) => context.log.info(details, message) } },
      ).then(() => undefined),
    );
  };
  const handlerDeps: HandlerDeps = {
    queue,
    log: { info: (details, message) => probot?.log.info(details, message) },
  };
  return { app, receive: (delivery) => handleWebhook(delivery, handlerDeps), queue, activity };
}

/** The app function `probot run` loads: Specwright configured from the environment. */
export default function specwright(app: Probot, options: ApplicationFunctionOptions): void {
  void createSpecwrightApp().app(app, options);
}
