import type { Config } from "../core/config/config-schema.js";
import type { Finding } from "../core/checks/types.js";
import type { RepoSnapshot } from "../ports/repo-snapshot.js";
import { createSpecValidator } from "./create-spec-validator.js";

/** Options of `validateSpec`. */
export interface ValidateSpecOptions {
  /** The repository at the commit the spec describes (during a run: the overlay with this run's specs). */
  snapshot: RepoSnapshot;
  config: Config;
  /** Where the spec will be written, e.g. `docs/specs/orders.md`. */
  path: string;
  markdown: string;
  kind: "system" | "implementation";
  /** Files other agents of the run will write; links to them are not broken. */
  pendingFiles?: readonly string[];
}

/**
 * Checks ONE submitted spec with the deterministic rules that apply to it on its own
 * (template sections, length, citations and anchors at the commit, cross-references,
 * glossary and status vocabulary; the implementation-spec rules for implementation specs)
 * and returns the findings on that file, with stable ids. Error findings block publishing.
 * For repeated checks against the same snapshot, `createSpecValidator` reuses parsed context.
 */
export async function validateSpec(options: ValidateSpecOptions): Promise<Finding[]> {
  const { snapshot, config, pendingFiles, path, markdown, kind } = options;
  return createSpecValidator({ snapshot, config, ...(pendingFiles ? { pendingFiles } : {}) }).validate({
    path,
    markdown,
    kind,
  });
}
