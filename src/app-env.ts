import { z } from "zod";
import { readEnvVariables, type EnvVariableProblem } from "./core/read-env-variables.js";

const optionalText = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
  z.string().optional(),
);

const positiveInt = (fallback: number, max: number) =>
  z.preprocess(
    (v) => (v === undefined || v === "" ? undefined : Number(v)),
    z.number().int().min(1).max(max).default(fallback),
  );

const fields = {
  /** The Anthropic API key. Without it, jobs that call the model fail with a comment saying so. */
  ANTHROPIC_API_KEY: optionalText,
  /** A proxy or gateway in front of the Anthropic API. */
  ANTHROPIC_BASE_URL: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.url({ protocol: /^https?$/ }).optional(),
  ),
  /** `<app slug>[bot]`; read from GitHub (`GET /app`) when not set. */
  SPECWRIGHT_BOT_LOGIN: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string()
      .regex(/^[A-Za-z0-9-]+\[bot\]$/, "must look like my-app[bot]")
      .optional(),
  ),
  /** Jobs running at once in this process. */
  SPECWRIGHT_CONCURRENCY: positiveInt(2, 32),
  /** Least seconds between two edits of a progress comment. */
  SPECWRIGHT_PROGRESS_INTERVAL_SECONDS: positiveInt(5, 3600),
  /** Model-calling runs allowed per issue or PR per hour. */
  SPECWRIGHT_RUNS_PER_ISSUE_PER_HOUR: positiveInt(6, 1000),
};

const appEnvSchema = z.object(fields);

/** The app's settings from the environment, with defaults applied. */
export type AppEnv = z.output<typeof appEnvSchema>;

/** A variable that was set but unusable (its value is never repeated: it may be a secret). */
export type EnvProblem = EnvVariableProblem<keyof AppEnv>;

/**
 * Reads the app's environment variables with zod. A variable with a bad value is reported and
 * replaced by its default (for the API key and base URL: unset, so model jobs fail with a clear
 * comment instead of the app crashing at start). Values are never included in problems.
 */
export function readAppEnv(env: Readonly<Record<string, string | undefined>>): {
  env: AppEnv;
  problems: EnvProblem[];
} {
  const { input, problems } = readEnvVariables(fields, env);
  return { env: appEnvSchema.parse(input), problems };
}
