import type { ResolvedSystemSpecs } from "../core/config/resolve-config.js";
import type { RepoSnapshot } from "../ports/repo-snapshot.js";
import type { SharedSpecContext } from "./build-system-spec-request.js";
import { readTextFile } from "./read-text-file.js";

/** Reads the run-wide documents (boundary brief, template, whole registry) at the snapshot's commit. */
export async function readSharedSpecContext(
  snapshot: RepoSnapshot,
  systemSpecs: ResolvedSystemSpecs,
): Promise<SharedSpecContext> {
  const [brief, template, registry] = await Promise.all(
    [systemSpecs.boundaryBrief, systemSpecs.template, systemSpecs.featureRegistry].map((p) =>
      readTextFile(snapshot, p),
    ),
  );
  return {
    ...(brief !== undefined ? { brief } : {}),
    ...(template !== undefined ? { template } : {}),
    ...(registry !== undefined ? { registry } : {}),
  };
}
