import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Config } from "../core/config/config-schema.js";
import { checkPromptTemplate } from "../core/prompts/check-prompt-template.js";
import { PromptFileError } from "../core/prompts/prompt-file-error.js";
import {
  BUILTIN_IMPLEMENTATION_TEMPLATE_FILE,
  BUILTIN_PROMPT_FILES,
} from "../core/prompts/prompt-placeholders.js";
import type { LoadedPrompts, PromptName, PromptTemplate } from "../core/prompts/prompt-types.js";

export interface LoadPromptsOptions {
  config: Config;
  /**
   * Reads a text file of the repository at the snapshot's commit; `undefined` when it does not
   * exist (or is not readable text). Needed only when the config names override files.
   */
  readRepoFile?: (path: string) => Promise<string | undefined>;
  /** Specwright's own `prompts/` folder (see `builtinPromptsDir()`). */
  builtinDir: string;
}

const PROMPT_NAMES = Object.keys(BUILTIN_PROMPT_FILES) as PromptName[];

async function readBuiltin(dir: string, file: string): Promise<PromptTemplate> {
  const path = join(dir, file);
  try {
    return { text: await readFile(path, "utf8"), source: `prompts/${file} (built-in)`, builtin: true };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
    throw new PromptFileError(
      path,
      `Specwright's built-in prompt file ${path} cannot be read (${code}).`,
      "The installation is incomplete: reinstall Specwright, or run it from a checkout where prompts/ sits next to src/ and dist/.",
    );
  }
}

async function readOverride(
  key: string,
  path: string,
  readRepoFile: LoadPromptsOptions["readRepoFile"],
): Promise<PromptTemplate> {
  if (!readRepoFile) {
    throw new PromptFileError(
      path,
      `${key} in .github/specwright.yml points at ${path}, but no repository is available to read it from.`,
      "Run Specwright on the repository (e.g. --repo DIR), or remove the key to use the built-in prompt.",
    );
  }
  const text = await readRepoFile(path);
  if (text === undefined) {
    throw new PromptFileError(
      path,
      `${key} in .github/specwright.yml points at ${path}, which does not exist (or is not a text file) at this commit.`,
      `Add ${path} to the repository, fix the path, or remove ${key} to use Specwright's built-in prompt.`,
    );
  }
  if (text.trim() === "") {
    throw new PromptFileError(
      path,
      `${key} in .github/specwright.yml points at ${path}, which is empty.`,
      `Write the prompt into ${path} (start from Specwright's built-in prompts/ files), or remove ${key}.`,
    );
  }
  return { text, source: path, builtin: false };
}

/**
 * Loads the four prompt templates and the implementation-spec skeleton. A path set in the
 * config (`prompts.systemSpec`, `prompts.consistencyReview`, `prompts.implementationSpec`,
 * `prompts.agentSpec`, `implementationSpecs.template`) is read from the repository through
 * `readRepoFile`; anything not overridden comes from Specwright's built-in `prompts/` folder.
 *
 * Every prompt is checked before it is returned (user-message marker present, only the
 * documented placeholders, each in the right part), so a broken override fails here, with
 * its file name, before any model call.
 *
 * @throws PromptFileError when an override or a built-in file cannot be read
 * @throws PromptTemplateError when a prompt file is malformed
 */
export async function loadPrompts(options: LoadPromptsOptions): Promise<LoadedPrompts> {
  const { config, readRepoFile, builtinDir } = options;
  const load = (key: string, override: string | undefined, builtinFile: string): Promise<PromptTemplate> =>
    override === undefined ? readBuiltin(builtinDir, builtinFile) : readOverride(key, override, readRepoFile);

  const [prompts, implementationTemplate] = await Promise.all([
    Promise.all(
      PROMPT_NAMES.map((name) => load(`prompts.${name}`, config.prompts[name], BUILTIN_PROMPT_FILES[name])),
    ),
    load(
      "implementationSpecs.template",
      config.implementationSpecs.template,
      BUILTIN_IMPLEMENTATION_TEMPLATE_FILE,
    ),
  ]);

  const loaded = Object.fromEntries(
    PROMPT_NAMES.map((name, i) => [name, prompts[i] as PromptTemplate]),
  ) as Record<PromptName, PromptTemplate>;
  for (const name of PROMPT_NAMES) checkPromptTemplate(name, loaded[name].text, loaded[name].source);
  return { ...loaded, implementationTemplate };
}
