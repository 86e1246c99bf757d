import { FRONT_NODE_FLAGS } from "./front-node-flags.js";

/** Node.js's exit code for an option it does not know or a missing option value. */
const INVALID_ARGUMENT = 9;

/**
 * Why a front process ended, for the log and the start-up error: what it said before exiting
 * (`fatal`), else its exit code or signal, saying so when Node.js refused the fronts' flags (a
 * Node.js version that drops one of `FRONT_NODE_FLAGS` stops every front at start).
 */
export function describeFrontExit(exit: {
  code: number | null;
  signal: string | null;
  fatal?: string | undefined;
}): string {
  if (exit.fatal !== undefined) return exit.fatal;
  if (exit.signal !== null) return `exited (${exit.signal})`;
  if (exit.code === INVALID_ARGUMENT) {
    return `exited (code 9: this Node.js refused an option; fronts start with ${FRONT_NODE_FLAGS.join(" ")}, see its error above)`;
  }
  return `exited (code ${exit.code ?? "unknown"})`;
}
