import type { Config } from "../core/config/config-schema.js";
import { resolveSystemSpecs } from "../core/config/resolve-config.js";
import { createFileIndex } from "../core/files/file-index.js";
import { planAgents } from "../core/plan/plan-agents.js";
import type { Plan } from "../core/plan/plan-types.js";
import type { AgentSelection } from "../core/plan/select-agents.js";
import { DEFAULT_SNAPSHOT_LIMITS, type RepoSnapshot } from "../ports/repo-snapshot.js";
import { findRefusedPaths } from "./find-refused-paths.js";

/**
 * Plans a system-spec run for the repository at the snapshot's commit. No model is called.
 *
 * @param promptChars length of the system-spec prompt template in use (built-in or the repo's override)
 */
export async function planRepository(options: {
  snapshot: RepoSnapshot;
  config: Config;
  selection: AgentSelection;
  promptChars: number;
}): Promise<Plan> {
  const files = createFileIndex(await options.snapshot.listFiles());
  const systemSpecs = resolveSystemSpecs(options.config, files.files);
  const keyPaths = systemSpecs.agents.flatMap((agent) => agent.keyFiles.map((k) => k.path));
  return planAgents({
    systemSpecs,
    files,
    selection: options.selection,
    promptChars: options.promptChars,
    maxFileBytes: DEFAULT_SNAPSHOT_LIMITS.maxFileBytes,
    refused: await findRefusedPaths(options.snapshot, files, keyPaths),
  });
}
