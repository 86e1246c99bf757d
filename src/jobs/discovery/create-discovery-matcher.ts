import picomatch from "picomatch";
import { classifyDocuments } from "../../core/checks/classify-documents.js";
import type { Config } from "../../core/config/config-schema.js";
import { resolveSystemSpecs } from "../../core/config/resolve-config.js";

/**
 * Whether a repository path is a discovery document: a markdown file matching
 * `implementationSpecs.discovery` that is NOT something Specwright writes or reads as a spec
 * (an implementation spec by the output pattern, any file in the system specs folder, an agent's
 * spec file, the consistency review, the brief, template or registry). Without that exclusion a
 * broad glob such as `docs/**\/*.md` would turn every merged spec PR into new spec jobs.
 */
export function createDiscoveryMatcher(config: Config): (path: string) => boolean {
  const isDiscovery = picomatch(config.implementationSpecs.discovery, { dot: true });
  const systemSpecs = resolveSystemSpecs(config, []);
  const specsFolder = `${systemSpecs.specsDir}/`;
  return (path) =>
    path.endsWith(".md") &&
    isDiscovery(path) &&
    !path.startsWith(specsFolder) &&
    !classifyDocuments([path], systemSpecs, config.implementationSpecs.output).has(path);
}
