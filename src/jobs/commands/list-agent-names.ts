import type { Config } from "../../core/config/config-schema.js";
import { resolveSystemSpecs, type ResolvedAgent } from "../../core/config/resolve-config.js";
import { openRepoSnapshot } from "../github/open-repo-snapshot.js";
import type { JobContext } from "../job-services.js";

/**
 * The system-spec agents of the repository: from the config, or (when it lists none) one per
 * spec file in the specs folder of the default branch, which costs the tree listing (2 requests).
 */
export async function listAgents(ctx: JobContext, config: Config): Promise<ResolvedAgent[]> {
  if (config.systemSpecs.agents.length > 0) return resolveSystemSpecs(config, []).agents;
  const snapshot = await openRepoSnapshot(ctx, ctx.repo.defaultBranch);
  const files = (await snapshot.listFiles()).map((f) => f.path);
  return resolveSystemSpecs(config, files).agents;
}
