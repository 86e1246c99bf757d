import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { formatConfigProblems, parseConfig } from "../../core/config/parse-config.js";
import { SpecwrightError } from "../../core/errors.js";
import { importAgentPrompts } from "../../core/import/import-agent-prompts.js";
import { renderConfigYaml } from "../../core/import/render-config-yaml.js";
import { redactSecrets } from "../../core/redact-secrets.js";
import type { RegisterCommand } from "../command.js";
import { EXIT, type CliIo } from "../io.js";

const CONFIG_PATH = ".github/specwright.yml";
const MAX_PROMPTS_BYTES = 5 * 1024 * 1024;

interface ImportOptions {
  repo: string;
  write?: boolean;
  force?: boolean;
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code;

async function readPromptsFile(file: string, shown: string): Promise<string> {
  const hint = "The file is resolved against --repo (default: the current directory).";
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new SpecwrightError(`cannot import ${shown}: it is a directory`, hint);
    if (info.size > MAX_PROMPTS_BYTES) {
      throw new SpecwrightError(
        `cannot import ${shown}: ${info.size} bytes is more than a prompts file should be`,
        hint,
      );
    }
    const text = await readFile(file, "utf8");
    if (text.includes("\u0000"))
      throw new SpecwrightError(`cannot import ${shown}: it is not a text file`, hint);
    return text;
  } catch (error) {
    if (error instanceof SpecwrightError) throw error;
    const reason = errorCode(error) === "ENOENT" ? "no such file" : (errorCode(error) ?? String(error));
    throw new SpecwrightError(`cannot read ${shown}: ${reason}`, hint);
  }
}

async function writeConfig(repo: string, yamlText: string, force: boolean): Promise<void> {
  const target = path.join(repo, CONFIG_PATH);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, yamlText, { encoding: "utf8", flag: force ? "w" : "wx" });
  } catch (error) {
    if (errorCode(error) === "EEXIST") {
      throw new SpecwrightError(
        `${CONFIG_PATH} already exists in ${repo}; not overwritten`,
        "Pass --force to overwrite it, or run without --write to print the imported config and merge it by hand.",
      );
    }
    throw new SpecwrightError(`cannot write ${target}: ${errorCode(error) ?? String(error)}`);
  }
}

async function runImport(file: string, options: ImportOptions, io: CliIo): Promise<number> {
  const repo = path.resolve(io.cwd, options.repo);
  const absolute = path.resolve(repo, file);
  const relative = path.relative(repo, absolute);
  const source = (relative.startsWith("..") || path.isAbsolute(relative) ? file : relative)
    .split(path.sep)
    .join("/");

  const text = await readPromptsFile(absolute, source);
  const result = importAgentPrompts(text, source);
  for (const w of result.warnings) {
    io.err(
      redactSecrets(`${source}${w.line === undefined ? "" : `:${w.line}`}: warning: ${w.message}`, io.env),
    );
  }
  const agents = result.config.systemSpecs?.agents ?? [];
  if (agents.length === 0) {
    throw new SpecwrightError(
      `no agents found in ${source}`,
      "Expected `### N. Title` headings (under `## Phase N` headings), each followed by a fenced prompt with a `Spec file:` line.",
    );
  }

  const yamlText = renderConfigYaml(result.config, result.source);
  const check = parseConfig(yamlText, CONFIG_PATH);
  if (!check.ok) {
    io.err(
      `specwright: the imported config does not pass validation. This is a bug in Specwright's importer; ` +
        `please report it with the prompts file.\n${formatConfigProblems(check.problems)}`,
    );
    return EXIT.findings;
  }
  if (!options.write) {
    if (options.force) io.err("specwright: --force has no effect without --write");
    io.out(yamlText);
    return EXIT.ok;
  }
  await writeConfig(repo, yamlText, options.force === true);
  const phases = new Set(agents.map((a) => a.phase).filter((p) => p !== undefined));
  const warned = result.warnings.length;
  io.out(
    `Wrote ${CONFIG_PATH}: ${agents.length} agent${agents.length === 1 ? "" : "s"} in ${phases.size} phase${phases.size === 1 ? "" : "s"}` +
      (warned > 0 ? ` (${warned} warning${warned === 1 ? "" : "s"} above)` : "") +
      `\nCommit it: plan, check and generate read the committed tree of a git checkout, not the working tree.`,
  );
  return EXIT.ok;
}

/**
 * `specwright import <file> [--repo DIR] [--write] [--force]`: converts an agent-prompts markdown
 * file into a Specwright config, printed to stdout or written to `<repo>/.github/specwright.yml`.
 * Warnings go to stderr; exit 2 for unreadable input, no agents, or an existing config without --force.
 */
export const registerImportCommand: RegisterCommand = (program, io, setExit) => {
  program
    .command("import")
    .description("Import an agent-prompts markdown file as a .github/specwright.yml config.")
    .argument("<file>", "the prompts file, relative to --repo")
    .option("--repo <dir>", "repository root", ".")
    .option("--write", `write <repo>/${CONFIG_PATH} instead of printing the config`)
    .option("--force", "with --write, overwrite an existing config")
    .action(async (file: string, options: ImportOptions) => {
      setExit(await runImport(file, options, io));
    });
};
