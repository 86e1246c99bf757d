// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";
import globals from "globals";

export default tseslint.config(
  { ignores: ["dist/", "dist-bench/", "node_modules/", "coverage/", "schema/", "test/fixtures/"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "error",
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "probot",
                "@octokit/*",
                "@anthropic-ai/*",
                "fs",
                "fs/*",
                "node:fs",
                "node:fs/*",
                "child_process",
                "node:child_process",
                "http",
                "https",
                "net",
                "os",
                "node:http",
                "node:https",
                "node:http2",
                "node:net",
                "node:os",
                "node:worker_threads",
              ],
              message: "src/core is pure: pass data in through ports instead.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "process", message: "src/core is pure: no process.env or process.exit." },
      ],
      "no-restricted-properties": [
        "error",
        {
          object: "globalThis",
          property: "process",
          message: "src/core is pure: no process.env or process.exit.",
        },
      ],
    },
  },
  {
    files: ["bench/**/*.ts", "scripts/**/*.ts", "bin/**/*.js"],
    languageOptions: { globals: globals.node },
    rules: { "no-console": "off" },
  },
  prettier,
);
