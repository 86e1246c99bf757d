import { fileURLToPath } from "node:url";

/**
 * Absolute path of Specwright's own `prompts/` folder (the built-in prompt files).
 *
 * This file sits three levels below the package root both in the sources
 * (`src/adapters/local/builtin-prompts-dir.ts`, run with tsx) and in the build
 * (`dist/adapters/local/builtin-prompts-dir.js`), so `../../../prompts/` resolves to
 * `<package root>/prompts/` in both; `package.json` ships `prompts/` next to `dist/`.
 */
export function builtinPromptsDir(): string {
  return fileURLToPath(new URL("../../../prompts/", import.meta.url));
}
