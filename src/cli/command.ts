import type { Command } from "commander";
import type { CliIo } from "./io.js";

/**
 * A CLI command registers itself on the program. Its action reports the exit code
 * through `setExit` (the highest code reported wins) instead of calling process.exit.
 */
export type RegisterCommand = (program: Command, io: CliIo, setExit: (code: number) => void) => void;
