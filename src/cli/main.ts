import { Command, CommanderError } from "commander";
import { ConfigError, SpecwrightError } from "../core/errors.js";
import { formatConfigProblems } from "../core/config/parse-config.js";
import { redactSecrets } from "../core/redact-secrets.js";
import { COMMANDS } from "./commands/index.js";
import { EXIT, processIo, type CliIo } from "./io.js";

export function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command("specwright")
    .description("Draft and check engineering specs with Claude agents, locally or as a GitHub App.")
    .showHelpAfterError("(run `specwright --help` for usage)")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.replace(/\n$/, "")),
      writeErr: (s) => io.err(s.replace(/\n$/, "")),
    });
  for (const register of COMMANDS) register(program, io, setExit);
  return program;
}

/** Runs the CLI with `argv` (without `node` and the script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let code: number = EXIT.ok;
  const setExit = (c: number) => {
    code = Math.max(code, c);
  };
  const program = buildProgram(io, setExit);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof ConfigError) {
      io.err(`specwright: ${error.message}\n${formatConfigProblems(error.problems)}\n${error.hint ?? ""}`);
      return EXIT.usage;
    }
    if (error instanceof SpecwrightError) {
      io.err(redactSecrets(`specwright: ${error.message}${error.hint ? `\n${error.hint}` : ""}`, io.env));
      return EXIT.usage;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.err(redactSecrets(`specwright: unexpected error\n${message}`, io.env));
    return EXIT.findings;
  }
}
