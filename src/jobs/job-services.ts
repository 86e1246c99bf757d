import type { RateLimiter } from "../core/limits/create-rate-limiter.js";
import type { GithubHostOctokit } from "../adapters/github/create-github-host.js";
import { createGithubHost } from "../adapters/github/create-github-host.js";
import type { GitHost } from "../ports/git-host.js";
import type { EnqueueRequest, EnqueueResult } from "../ports/job-queue.js";
import type { SpecEngine } from "../services/spec-engine.js";
import { createRedactingLog } from "./create-redacting-log.js";
import type { JobPayload, JobRepo } from "./job-payload.js";
import { fullName } from "./job-targets.js";

/**
 * An installation client as jobs use it: Probot's `ProbotOctokit` (with its config plugin, the
 * one `context.config` uses, so `_extends` org defaults work).
 */
export interface JobOctokit extends GithubHostOctokit {
  config: {
    get(params: { owner: string; repo: string; path: string }): Promise<{
      config: unknown;
      files: readonly { config: unknown }[];
    }>;
  };
}

/** Structured logging (Probot's pino logger fits). */
export interface JobLog {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

/** What the job runner gets from the app: clients, the engine, the queue, the clock. */
export interface JobServices {
  /** An authenticated client for one installation. */
  octokitFor(installationId: number): Promise<JobOctokit>;
  /** The app's bot login, e.g. `specwright[bot]`. */
  botLogin(): Promise<string>;
  /** The spec engine; throws a `SpecwrightError` with a hint when it cannot be used (no API key). */
  engine(): SpecEngine;
  /** Enqueues follow-up jobs (a push fans out one job per discovery document). */
  enqueue(request: EnqueueRequest<JobPayload>): Promise<EnqueueResult>;
  /** Per-issue limit on jobs that call the model. */
  runLimiter: RateLimiter;
  /**
   * Limit on refusal replies to people without write access, keyed per user and issue: the
   * first refusal in a window is posted, later ones are only logged.
   */
  refusalLimiter: RateLimiter;
  /**
   * The process environment: the values of its secret-looking variables (`WEBHOOK_SECRET`, a
   * gateway key…) are redacted from everything the job posts and logs, on top of the known
   * token shapes.
   */
  secretEnv: Readonly<Record<string, string | undefined>>;
  /** Clock in epoch milliseconds. */
  now(): number;
  /** Least time between two edits of a progress comment. */
  progressIntervalMs: number;
  /** Specwright's own `prompts/` folder. */
  builtinPromptsDir: string;
  log: JobLog;
}

/** One job's view of its repository. */
export interface JobContext {
  jobId: string;
  repo: JobRepo;
  /** `owner/repo`. */
  full: string;
  octokit: JobOctokit;
  host: GitHost;
  services: JobServices;
  /** The services' log, redacting credentials and `secretEnv`'s secret values from every line. */
  log: JobLog;
}

/**
 * Authenticates for the job's installation and opens the Git host on its repository; the host
 * and the log both redact `services.secretEnv`'s secret values.
 */
export async function openJobContext(
  jobId: string,
  repo: JobRepo,
  services: JobServices,
): Promise<JobContext> {
  const [octokit, botLogin] = await Promise.all([
    services.octokitFor(repo.installationId),
    services.botLogin(),
  ]);
  const host = createGithubHost({
    octokit,
    owner: repo.owner,
    repo: repo.repo,
    botLogin,
    secretEnv: services.secretEnv,
  });
  const log = createRedactingLog(services.log, services.secretEnv);
  return { jobId, repo, full: fullName(repo), octokit, host, services, log };
}
