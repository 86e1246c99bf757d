#!/usr/bin/env node
// Entry point for `npx specwright`: runs the compiled CLI (built by `npm ci` through the prepare script).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const compiled = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
if (!existsSync(compiled)) {
  console.error(
    "specwright: the CLI is not built yet. Run `npm run build` (or `npm ci`) in the Specwright checkout.",
  );
  process.exit(2);
}
const { main } = await import(compiled);
process.exitCode = await main(process.argv.slice(2));
