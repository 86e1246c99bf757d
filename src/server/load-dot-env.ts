import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv } from "node:util";

/**
 * Reads `.env` from `cwd` into `env` the way `probot run` does (its values win over the
 * environment's), so credentials written by Probot's setup wizard are used on the next start.
 * A missing file is fine; an unreadable one throws.
 */
export function loadDotEnv(env: Record<string, string | undefined>, cwd: string = process.cwd()): void {
  let text: string;
  try {
    text = readFileSync(join(cwd, ".env"), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  Object.assign(env, parseEnv(text));
}
