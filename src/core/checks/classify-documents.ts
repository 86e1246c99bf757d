import picomatch from "picomatch";
import type { ResolvedSystemSpecs } from "../config/resolve-config.js";
import type { DocumentKind } from "./types.js";

/**
 * Decides which repository files the checker reads, and as what:
 * - the brief, template and registry (and the review, which is never checked);
 * - system specs: each agent's spec file that exists, plus every other `.md` directly in the specs folder;
 * - implementation specs: files matching the configured output pattern (`{slug}` matches one path segment).
 * README.md files (any case) are never taken for specs by folder or pattern.
 * An agent's spec file is a system spec even when it also matches the implementation pattern.
 */
export function classifyDocuments(
  files: readonly string[],
  systemSpecs: ResolvedSystemSpecs,
  implementationOutput: string,
): Map<string, DocumentKind> {
  const kinds = new Map<string, DocumentKind>();
  const present = new Set(files);
  const reserved: [string, DocumentKind][] = [
    [systemSpecs.boundaryBrief, "brief"],
    [systemSpecs.template, "template"],
    [systemSpecs.featureRegistry, "registry"],
    [systemSpecs.reviewOutput, "review"],
  ];
  for (const [path, kind] of reserved) if (present.has(path) && !kinds.has(path)) kinds.set(path, kind);
  for (const agent of systemSpecs.agents) {
    if (present.has(agent.specFile) && !kinds.has(agent.specFile)) kinds.set(agent.specFile, "system");
  }
  const glob = implementationOutput
    .replace(/^\.\/+/, "")
    .split("{slug}")
    .map(escapeGlob)
    .join("*");
  const isImplementation = picomatch(glob, { dot: false });
  const prefix = `${systemSpecs.specsDir}/`;
  for (const file of files) {
    // README files describe a folder; they are never specs (unless configured by name above).
    if (kinds.has(file) || !file.endsWith(".md") || /(?:^|\/)readme\.md$/i.test(file)) continue;
    if (isImplementation(file)) kinds.set(file, "implementation");
    else if (file.startsWith(prefix) && !file.slice(prefix.length).includes("/")) kinds.set(file, "system");
  }
  return kinds;
}

/** Escapes glob syntax in the literal parts of the output pattern. */
function escapeGlob(literal: string): string {
  return literal.replace(/[*?[\]{}()!+@\\]/g, "\\$&");
}
