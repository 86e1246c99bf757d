import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The config files Specwright reads, relative to the repository root. */
const CONFIG_FILES = [".github/specwright.yml", ".github/specwright.yaml"];

/**
 * Config files whose working-tree version differs from the commit a command reads
 * (modified, staged or untracked). Commands read the commit, so such edits are not seen yet:
 * the CLI says so instead of silently using the old config. Empty outside git.
 */
export async function findUncommittedConfig(dir: string, ref: string): Promise<string[]> {
  try {
    const { stdout: top } = await run("git", ["rev-parse", "--show-toplevel"], { cwd: dir });
    const root = top.trim();
    const changed = await run("git", ["diff", "--name-only", ref, "--", ...CONFIG_FILES], { cwd: root });
    const untracked = await run(
      "git",
      ["ls-files", "--others", "--exclude-standard", "--", ...CONFIG_FILES],
      {
        cwd: root,
      },
    );
    return [...new Set([...changed.stdout.split("\n"), ...untracked.stdout.split("\n")].filter(Boolean))];
  } catch {
    return [];
  }
}
