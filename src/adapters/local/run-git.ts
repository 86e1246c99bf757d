import { execFile } from "node:child_process";

/** What a git invocation produced; failures are data, so callers decide what they mean. */
export type GitOutput =
  | { ok: true; stdout: Buffer }
  | { ok: false; gitMissing: boolean; exitCode: number | undefined; stderr: string };

/** Variables that would point git at another repository than `cwd` (set inside git hooks, for example). */
const REPOSITORY_OVERRIDES = new Set([
  "GIT_DIR",
  "GIT_WORK_TREE",
  "GIT_INDEX_FILE",
  "GIT_COMMON_DIR",
  "GIT_OBJECT_DIRECTORY",
]);

/** The environment git runs with: repository overrides removed, C locale, never prompting. */
export function gitEnvironment(): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([name]) => !REPOSITORY_OVERRIDES.has(name));
  return { ...Object.fromEntries(inherited), LC_ALL: "C", GIT_TERMINAL_PROMPT: "0", GIT_OPTIONAL_LOCKS: "0" };
}

/**
 * Runs `git -C <cwd> <args…>` without a shell (arguments are passed as an array, never
 * parsed) and returns its raw stdout. `maxBuffer` caps the output kept in memory.
 */
export function runGit(
  cwd: string,
  args: readonly string[],
  maxBuffer = 64 * 1024 * 1024,
): Promise<GitOutput> {
  return new Promise((resolve) => {
    execFile(
      "git",
      ["-C", cwd, ...args],
      { encoding: "buffer", maxBuffer, env: gitEnvironment(), windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) {
          resolve({ ok: true, stdout });
          return;
        }
        const code = (error as NodeJS.ErrnoException).code;
        resolve({
          ok: false,
          gitMissing: code === "ENOENT",
          exitCode: typeof code === "number" ? code : undefined,
          stderr: stderr.toString("utf8").trim() || error.message,
        });
      },
    );
  });
}
