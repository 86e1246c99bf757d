import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { builtinPromptsDir } from "../../src/adapters/local/builtin-prompts-dir.js";
import { parseConfig } from "../../src/core/config/parse-config.js";
import type { Config } from "../../src/core/config/config-schema.js";
import { fillTemplate } from "../../src/core/prompts/fill-template.js";
import { PromptFileError } from "../../src/core/prompts/prompt-file-error.js";
import { BUILTIN_PROMPT_FILES, PROMPT_PLACEHOLDERS } from "../../src/core/prompts/prompt-placeholders.js";
import { PromptTemplateError } from "../../src/core/prompts/prompt-template-error.js";
import type { PromptName } from "../../src/core/prompts/prompt-types.js";
import { splitPromptTemplate } from "../../src/core/prompts/split-prompt-template.js";
import { loadPrompts } from "../../src/services/load-prompts.js";

const REPO_ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const NAMES = Object.keys(BUILTIN_PROMPT_FILES) as PromptName[];

function config(yaml: string): Config {
  const parsed = parseConfig(yaml);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.config;
}

/** A fake repository: the files it holds, and the paths it was asked for. */
function fakeRepo(files: Record<string, string>) {
  const asked: string[] = [];
  return {
    asked,
    readRepoFile: async (path: string) => {
      asked.push(path);
      return files[path];
    },
  };
}

const OWN_SYSTEM_PROMPT =
  "Write about {{project}} in plain words.\n<!-- specwright:user-message -->\nYou own {{specFile}}.\n";

describe("builtinPromptsDir", () => {
  it("points at the package's prompts/ folder from src/ (and, at the same depth, from dist/)", () => {
    expect(resolve(builtinPromptsDir())).toBe(join(REPO_ROOT, "prompts"));
    expect(readdirSync(builtinPromptsDir())).toEqual(
      expect.arrayContaining(Object.values(BUILTIN_PROMPT_FILES)),
    );
  });
});

describe("loadPrompts", () => {
  it("loads every built-in prompt when nothing is overridden, without touching the repository", async () => {
    const repo = fakeRepo({});
    const prompts = await loadPrompts({
      config: config(""),
      readRepoFile: repo.readRepoFile,
      builtinDir: builtinPromptsDir(),
    });
    for (const name of NAMES) {
      expect(prompts[name]).toMatchObject({
        builtin: true,
        source: `prompts/${BUILTIN_PROMPT_FILES[name]} (built-in)`,
      });
    }
    expect(prompts.implementationTemplate.text).toMatch(/^# <Title of the work>/);
    expect(repo.asked).toEqual([]);
  });

  it.each(NAMES)(
    "built-in %s fills with its documented placeholders, uses each and documents each",
    async (name) => {
      const prompts = await loadPrompts({ config: config(""), builtinDir: builtinPromptsDir() });
      const { text, source } = prompts[name];
      const parts = splitPromptTemplate(text, source);
      for (const part of ["system", "user"] as const) {
        const keys: readonly string[] = PROMPT_PLACEHOLDERS[name][part];
        const values = Object.fromEntries(keys.map((k) => [k, `<${k}>`]));
        const filled = fillTemplate(parts[part], values, source);
        expect(filled).not.toMatch(/\{\{|<!--/);
        for (const key of keys) expect(filled, `${name} ${part} uses {{${key}}}`).toContain(`<${key}>`);
      }
      const header = /^<!--[\s\S]*?-->/.exec(text)?.[0] ?? "";
      for (const key of [...PROMPT_PLACEHOLDERS[name].system, ...PROMPT_PLACEHOLDERS[name].user]) {
        expect(header, `header of ${name} lists {{${key}}}`).toContain(`{{${key}}}`);
      }
    },
  );

  it("uses a repository override read through the snapshot", async () => {
    const repo = fakeRepo({
      "docs/prompts/system.md": OWN_SYSTEM_PROMPT,
      "docs/spec-template.md": "# T\n\n## Goal\n",
    });
    const prompts = await loadPrompts({
      config: config(
        "prompts:\n  systemSpec: docs/prompts/system.md\nimplementationSpecs:\n  template: docs/spec-template.md\n",
      ),
      readRepoFile: repo.readRepoFile,
      builtinDir: builtinPromptsDir(),
    });
    expect(prompts.systemSpec).toEqual({
      text: OWN_SYSTEM_PROMPT,
      source: "docs/prompts/system.md",
      builtin: false,
    });
    expect(prompts.implementationTemplate).toEqual({
      text: "# T\n\n## Goal\n",
      source: "docs/spec-template.md",
      builtin: false,
    });
    expect(prompts.consistencyReview.builtin).toBe(true);
    expect(repo.asked.sort()).toEqual(["docs/prompts/system.md", "docs/spec-template.md"]);
  });

  it("reports a missing override with the config key, the path and what to do", async () => {
    const repo = fakeRepo({});
    const run = loadPrompts({
      config: config("prompts:\n  agentSpec: docs/prompts/agent.md\n"),
      readRepoFile: repo.readRepoFile,
      builtinDir: builtinPromptsDir(),
    });
    await expect(run).rejects.toBeInstanceOf(PromptFileError);
    await expect(run).rejects.toMatchObject({
      name: "PromptFileError",
      path: "docs/prompts/agent.md",
      message:
        "prompts.agentSpec in .github/specwright.yml points at docs/prompts/agent.md, which does not exist (or is not a text file) at this commit.",
      hint: expect.stringContaining("remove prompts.agentSpec to use Specwright's built-in prompt"),
    });
  });

  it.each([
    ["an empty override", { "docs/p.md": "  \n" }, true, "which is empty"],
    ["no repository to read from", {}, false, "no repository is available"],
  ])("refuses %s", async (_case, files, withRepo, message) => {
    const run = loadPrompts({
      config: config("prompts:\n  consistencyReview: docs/p.md\n"),
      readRepoFile: withRepo ? fakeRepo(files).readRepoFile : undefined,
      builtinDir: builtinPromptsDir(),
    });
    await expect(run).rejects.toThrow(PromptFileError);
    await expect(run).rejects.toThrow(message);
  });

  it("rejects an override with a placeholder Specwright does not fill, naming the file", async () => {
    const repo = fakeRepo({ "docs/p.md": "Review {{specs}}\n<!-- specwright:user-message -->\nGo\n" });
    const run = loadPrompts({
      config: config("prompts:\n  consistencyReview: docs/p.md\n"),
      readRepoFile: repo.readRepoFile,
      builtinDir: builtinPromptsDir(),
    });
    await expect(run).rejects.toThrow(PromptTemplateError);
    await expect(run).rejects.toMatchObject({ source: "docs/p.md", placeholder: "specs" });
  });

  it("reports an install without its prompts/ folder", async () => {
    const empty = mkdtempSync(join(tmpdir(), "specwright-prompts-"));
    const run = loadPrompts({ config: config(""), builtinDir: empty });
    await expect(run).rejects.toThrow(PromptFileError);
    await expect(run).rejects.toMatchObject({ hint: expect.stringContaining("reinstall Specwright") });
  });
});
