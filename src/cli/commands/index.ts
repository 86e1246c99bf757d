import type { RegisterCommand } from "../command.js";

/** Every CLI command, in the order `--help` lists them. */
export const COMMANDS: readonly RegisterCommand[] = [];
