/**
 * Writes schema/specwright.schema.json from the zod config schema.
 * `--check` fails (exit 1) when the committed file is stale, so CI catches a forgotten regeneration.
 */
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { configSchema } from "../src/core/config/config-schema.js";

const target = fileURLToPath(new URL("../schema/specwright.schema.json", import.meta.url));

const schema = {
  ...z.toJSONSchema(configSchema, { io: "input", target: "draft-2020-12" }),
  title: "Specwright repository config (.github/specwright.yml)",
};
const text = `${JSON.stringify(schema, null, 2)}\n`;

if (process.argv.includes("--check")) {
  const current = await readFile(target, "utf8").catch(() => "");
  if (current !== text) {
    console.error("schema/specwright.schema.json is stale: run `npm run schema` and commit the result.");
    process.exit(1);
  }
  console.log("schema/specwright.schema.json is up to date.");
} else {
  await mkdir(fileURLToPath(new URL("../schema/", import.meta.url)), { recursive: true });
  await writeFile(target, text);
  console.log(`wrote ${target}`);
}
