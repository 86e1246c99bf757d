import { configSchema, type Config } from "../core/config/config-schema.js";
import { formatKeyPath, parseConfig } from "../core/config/parse-config.js";
import type { ConfigProblem } from "../core/errors.js";
import { redactSecrets } from "../core/redact-secrets.js";
import type { JobContext } from "./job-services.js";

/** Where Probot's `context.config("specwright.yml")` reads the config. */
export const CONFIG_FILE = ".github/specwright.yml";

/** The repository's config, or every problem that makes it unusable. */
export type RepoConfigResult =
  | { ok: true; config: Config }
  | {
      ok: false;
      problems: ConfigProblem[];
      /** The configured label if it could be read, so label events can tell whether they were meant. */
      label: string | undefined;
    };

const stripExtends = (value: unknown): unknown => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const { _extends: _ignored, ...rest } = value as Record<string, unknown>;
  return rest;
};

const labelOf = (value: unknown): string | undefined => {
  const specs = (value as { implementationSpecs?: { label?: unknown } } | null)?.implementationSpecs;
  return typeof specs?.label === "string" ? specs.label : undefined;
};

/**
 * Reads `.github/specwright.yml` from the default branch the way Probot's `context.config`
 * does (through the config plugin, so `_extends` pulls in organisation defaults) and validates
 * it. The plugin parses YAML itself and loses positions, so when validation fails the
 * repository's own file is read again as text and parsed with `parseConfig` to report every
 * problem with line, column and key. Problems that only come from an extended file are
 * reported by key.
 */
export async function readRepoConfig(ctx: JobContext): Promise<RepoConfigResult> {
  const { owner, repo } = ctx.repo;
  let merged: unknown;
  let loadError: string | undefined;
  try {
    const { config, files } = await ctx.octokit.config.get({ owner, repo, path: CONFIG_FILE });
    merged = files.some((f) => f.config !== null && f.config !== undefined) ? stripExtends(config) : {};
  } catch (error) {
    loadError = redactSecrets(error instanceof Error ? error.message : String(error));
  }
  if (loadError === undefined) {
    const result = configSchema.safeParse(merged ?? {});
    if (result.success) return { ok: true, config: result.data };
  }

  const text = await ctx.host.getFileText(CONFIG_FILE, ctx.repo.defaultBranch);
  if (text !== undefined) {
    const own = parseConfig(text, CONFIG_FILE);
    const problems = own.ok ? [] : own.problems.filter((p) => p.key !== "_extends");
    if (problems.length > 0) return { ok: false, problems, label: labelOf(merged) };
  }
  if (loadError !== undefined) {
    const message = loadError.replace(/^\[@probot\/octokit-plugin-config\]\s*/, "");
    return {
      ok: false,
      problems: [{ file: CONFIG_FILE, line: undefined, column: undefined, key: "_extends", message }],
      label: labelOf(merged),
    };
  }
  const result = configSchema.safeParse(merged ?? {});
  const issues = result.success ? [] : result.error.issues;
  return {
    ok: false,
    problems: issues.map((issue) => ({
      file: `${CONFIG_FILE} (with the files it extends)`,
      line: undefined,
      column: undefined,
      key: formatKeyPath(issue.path.filter((p): p is string | number => typeof p !== "symbol")),
      message: issue.message,
    })),
    label: labelOf(merged),
  };
}
