import picomatch from "picomatch";
import type { Config } from "../core/config/config-schema.js";
import { resolveOutputPath } from "../core/run/resolve-output-path.js";
import { slugify } from "../core/run/slugify.js";
import type { RepoSnapshot } from "../ports/repo-snapshot.js";
import { readTextFile } from "./read-text-file.js";

/** The slug of a discovery document's path: its file name without `.md`, slugified. */
export function discoverySlug(path: string): string {
  return slugify((path.split("/").pop() ?? path).replace(/\.md$/i, ""));
}

/**
 * Finds the discovery document an implementation spec was written from: the file matching
 * `implementationSpecs.discovery` whose file-name slug gives `specFile` under
 * `implementationSpecs.output`. `undefined` when there is none (e.g. the spec came from an issue).
 */
export async function findDiscoveryDocument(
  snapshot: RepoSnapshot,
  config: Config,
  specFile: string,
): Promise<{ source: string; text: string } | undefined> {
  const matches = picomatch([...config.implementationSpecs.discovery]);
  for (const file of await snapshot.listFiles()) {
    if (!matches(file.path)) continue;
    let output: string;
    try {
      output = resolveOutputPath(config.implementationSpecs.output, discoverySlug(file.path));
    } catch {
      continue;
    }
    if (output !== specFile) continue;
    const text = await readTextFile(snapshot, file.path);
    if (text !== undefined) return { source: file.path, text };
  }
  return undefined;
}
