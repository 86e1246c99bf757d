import { z } from "zod";
import { readEnvVariables, type EnvVariableProblem } from "../core/read-env-variables.js";
import { DEFAULT_WEBHOOK_PATH } from "./create-webhook-middleware.js";

/** Probot's webhook secret when `WEBHOOK_SECRET` is not set (only good for local experiments). */
export const PROBOT_DEFAULT_SECRET = "development";

const text = z.preprocess(
  (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined),
  z.string().optional(),
);

const PROCESSES_HINT = "must be auto or a whole number from 0 to 16";

const serverEnvSchema = z.object({
  /** Port to listen on; `0` picks a free one. */
  PORT: z.preprocess(
    (v) => (v === undefined || v === "" ? undefined : Number(v)),
    z.number().int().min(0).max(65535).default(3000),
  ),
  /** Interface to listen on (Probot's default: localhost; `0.0.0.0` in a container). */
  HOST: text.transform((v) => v ?? "localhost"),
  WEBHOOK_PATH: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined),
    z.string().startsWith("/", "must start with /").default(DEFAULT_WEBHOOK_PATH),
  ),
  /** A smee.io channel relaying GitHub's webhooks to this server (local development). */
  WEBHOOK_PROXY_URL: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined),
    z.url({ protocol: /^https?$/ }).optional(),
  ),
  WEBHOOK_SECRET: z.preprocess(
    (v) => (typeof v === "string" && v !== "" ? v : undefined),
    z.string().optional(),
  ),
  LOG_LEVEL: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v.trim().toLowerCase() : undefined),
    z.enum(["trace", "debug", "info", "warn", "error", "fatal"]).default("info"),
  ),
  LOG_FORMAT: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined),
    z.enum(["json", "pretty"]).optional(),
  ),
  NODE_ENV: text,
  /** Webhook front processes: `auto` (2 on a machine with 2 or more cores, else 0) or 0–16. */
  SPECWRIGHT_WEBHOOK_PROCESSES: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v.trim().toLowerCase() : undefined),
    z
      .string()
      .regex(/^(auto|\d{1,2})$/, PROCESSES_HINT)
      .transform((v) => (v === "auto" ? ("auto" as const) : Number(v)))
      .refine((v) => v === "auto" || v <= 16, PROCESSES_HINT)
      .default("auto"),
  ),
});

/**
 * How many webhook front processes serve the port: `auto` is 2 on a machine with at least 2
 * cores (a burst is answered on both while the jobs process steps aside), none on one core.
 */
export function resolveWebhookProcesses(setting: number | "auto", cores: number): number {
  if (setting !== "auto") return setting;
  return cores >= 2 ? 2 : 0;
}

/** How the webhook server runs, read from the environment with `probot run`'s names and defaults. */
export interface ServerEnv {
  port: number;
  host: string;
  webhookPath: string;
  webhookProxyUrl: string | undefined;
  /** `WEBHOOK_SECRET`, or Probot's default `development` (then `secretIsDefault`). */
  secret: string;
  secretIsDefault: boolean;
  logLevel: "trace" | "debug" | "info" | "warn" | "error" | "fatal";
  /** `LOG_FORMAT`; by default JSON in production, readable otherwise (as `probot run`). */
  logFormat: "json" | "pretty";
  /** `SPECWRIGHT_WEBHOOK_PROCESSES` (see `resolveWebhookProcesses`). */
  webhookProcesses: number | "auto";
}

/** A variable that was set but unusable (its value is never repeated). */
export type ServerEnvProblem = EnvVariableProblem;

/**
 * Reads the server's settings (`PORT`, `HOST`, `WEBHOOK_PATH`, `WEBHOOK_PROXY_URL`,
 * `WEBHOOK_SECRET`, `LOG_LEVEL`, `LOG_FORMAT`) with `probot run`'s defaults, and
 * `SPECWRIGHT_WEBHOOK_PROCESSES`. A variable with an
 * unusable value is reported and replaced by its default.
 */
export function readServerEnv(env: Readonly<Record<string, string | undefined>>): {
  env: ServerEnv;
  problems: ServerEnvProblem[];
} {
  const { input, problems } = readEnvVariables<string>(serverEnvSchema.shape, env);
  const parsed = serverEnvSchema.parse(input);
  return {
    env: {
      port: parsed.PORT,
      host: parsed.HOST,
      webhookPath: parsed.WEBHOOK_PATH,
      webhookProxyUrl: parsed.WEBHOOK_PROXY_URL,
      secret: parsed.WEBHOOK_SECRET ?? PROBOT_DEFAULT_SECRET,
      secretIsDefault: parsed.WEBHOOK_SECRET === undefined,
      logLevel: parsed.LOG_LEVEL,
      logFormat: parsed.LOG_FORMAT ?? (parsed.NODE_ENV === "production" ? "json" : "pretty"),
      webhookProcesses: parsed.SPECWRIGHT_WEBHOOK_PROCESSES,
    },
    problems,
  };
}
