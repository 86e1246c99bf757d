import type { CliIo } from "../../src/cli/io.js";

/** A `CliIo` that records what a command prints, for in-process CLI tests. */
export function fakeIo(
  cwd: string,
  env: Record<string, string | undefined> = {},
): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { out: (t) => stdout.push(t), err: (t) => stderr.push(t), cwd, env, isTTY: false, stdout, stderr };
}
