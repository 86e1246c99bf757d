import type { Config } from "../../core/config/config-schema.js";
import { resolveSystemSpecs } from "../../core/config/resolve-config.js";
import type { RepoSnapshot } from "../../ports/repo-snapshot.js";
import { overlaySnapshot } from "../../services/overlay-snapshot.js";
import { openRepoSnapshot } from "../github/open-repo-snapshot.js";
import type { JobContext } from "../job-services.js";

/**
 * What a system-spec run reads: the default branch at `baseSha` (the commit the specs describe),
 * with the system specs that Specwright's branch already holds at `branchHeadSha` laid over it.
 * So a retry after a partial failure (`/spec regenerate cart --with-dependents`) gives its agents
 * the specs the earlier run committed only on the branch, and checks cross-references against
 * them. Costs one tree request and one blob per spec on the branch, and nothing when the run
 * starts from the default branch itself.
 */
export async function openRunSnapshot(
  ctx: JobContext,
  config: Config,
  baseSha: string,
  branchHeadSha: string,
): Promise<RepoSnapshot> {
  const base = await openRepoSnapshot(ctx, baseSha);
  if (branchHeadSha === baseSha) return base;
  const branch = await openRepoSnapshot(ctx, branchHeadSha);
  const listed = (await branch.listFiles()).map((f) => f.path);
  const onBranch = new Set(listed);
  const systemSpecs = resolveSystemSpecs(config, listed);
  const specFiles = [...systemSpecs.agents.map((a) => a.specFile), systemSpecs.reviewOutput];
  const written = new Map<string, string>();
  for (const path of specFiles.filter((p) => onBranch.has(p))) {
    const file = await branch.readFile(path);
    if (file.kind === "text") written.set(path, file.text);
  }
  return overlaySnapshot(base, written);
}
