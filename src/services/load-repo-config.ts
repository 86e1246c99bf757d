import { configSchema, type Config } from "../core/config/config-schema.js";
import { parseConfig } from "../core/config/parse-config.js";
import { ConfigError } from "../core/errors.js";
import type { RepoSnapshot } from "../ports/repo-snapshot.js";

/** Where Specwright looks for its config, first match wins. */
export const CONFIG_PATHS = [".github/specwright.yml", ".github/specwright.yaml"] as const;

/**
 * Loads `.github/specwright.yml` (or `.yaml`) from the snapshot. A repository without one
 * gets the defaults; an invalid one throws `ConfigError` listing every problem.
 */
export async function loadRepoConfig(snapshot: RepoSnapshot): Promise<Config> {
  for (const path of CONFIG_PATHS) {
    const file = await snapshot.readFile(path);
    if (file.kind === "missing") continue;
    if (file.kind !== "text") {
      const why = file.kind === "binary" ? "is not UTF-8 text" : `is larger than ${file.limit} bytes`;
      throw new ConfigError([
        { file: path, line: undefined, column: undefined, key: "", message: `the config file ${why}` },
      ]);
    }
    const result = parseConfig(file.text, path);
    if (!result.ok) throw new ConfigError(result.problems);
    return result.config;
  }
  return configSchema.parse({});
}
