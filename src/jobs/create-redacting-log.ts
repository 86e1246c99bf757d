import { redactSecrets } from "../core/redact-secrets.js";
import type { JobLog } from "./job-services.js";

type Env = Readonly<Record<string, string | undefined>>;

function redactValue(value: unknown, env: Env, depth: number): unknown {
  if (typeof value === "string") return redactSecrets(value, env);
  if (value instanceof Error) return redactSecrets(value.message, env);
  if (depth > 0 && Array.isArray(value)) return value.map((v) => redactValue(v, env, depth - 1));
  if (depth > 0 && typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, env, depth - 1)]));
  }
  return value;
}

/**
 * A log that redacts credentials from every line before `log` sees it: the message and the
 * string values of the details (nested up to three levels; `Error`s become their redacted
 * message), with the known token shapes and the values of `env`'s secret-looking variables.
 */
export function createRedactingLog(log: JobLog, env: Env): JobLog {
  const write =
    (level: keyof JobLog) =>
    (details: Record<string, unknown>, message: string): void =>
      log[level](redactValue(details, env, 3) as Record<string, unknown>, redactSecrets(message, env));
  return { info: write("info"), warn: write("warn"), error: write("error") };
}
