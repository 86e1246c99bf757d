import type { RegisterCommand } from "../command.js";
import { registerCheckCommand } from "./check-command.js";
import { registerGenerateCommand } from "./generate-command.js";
import { registerImportCommand } from "./import-command.js";
import { registerPlanCommand } from "./plan-command.js";

/** Every CLI command, in the order `--help` lists them. */
export const COMMANDS: readonly RegisterCommand[] = [
  registerImportCommand,
  registerPlanCommand,
  registerCheckCommand,
  registerGenerateCommand,
];
