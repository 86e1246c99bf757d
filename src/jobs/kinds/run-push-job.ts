import { createDiscoveryMatcher } from "../discovery/create-discovery-matcher.js";
import { reportStaleness } from "../flows/report-staleness.js";
import { isSpecwrightPushCommit } from "../is-specwright-push-commit.js";
import type { PushJob } from "../job-payload.js";
import type { JobContext } from "../job-services.js";
import { branchLane, documentSlug, implementationTarget } from "../job-targets.js";
import { CONFIG_FILE, readRepoConfig } from "../read-repo-config.js";
import { reportConfigProblems } from "../report-config-problems.js";

/** Most discovery documents one push turns into spec jobs (more is almost certainly a bulk import). */
export const MAX_DOCUMENTS_PER_PUSH = 10;

/**
 * A push to the default branch:
 * 0. a push whose commits are all Specwright's (a merged spec PR) is ignored without a request;
 * 1. the config (problems are reported on the pushed commit when the push changed the config);
 * 2. one implementation-spec job per added or modified discovery document (matching
 *    `implementationSpecs.discovery`, never a spec output), each in its spec branch's lane;
 * 3. the staleness report: specs citing changed files, with the regenerate command.
 */
export async function runPushJob(
  ctx: JobContext,
  job: PushJob,
  deliveryId: string | undefined,
): Promise<void> {
  if (job.commits.length > 0 && job.commits.every((c) => isSpecwrightPushCommit(c, ctx.host.botLogin))) {
    ctx.log.info({ after: job.after }, "push ignored: every commit is Specwright's");
    return;
  }
  const loaded = await readRepoConfig(ctx);
  if (!loaded.ok) {
    if (job.changedFiles.some((p) => p === CONFIG_FILE)) {
      await reportConfigProblems(ctx, loaded.problems, { commitSha: job.after });
    }
    return;
  }
  const { config } = loaded;
  const isDiscovery = createDiscoveryMatcher(config);
  const documents = job.addedOrModified.filter(isDiscovery);
  if (documents.length > MAX_DOCUMENTS_PER_PUSH) {
    ctx.log.warn(
      { documents: documents.length },
      `only the first ${MAX_DOCUMENTS_PER_PUSH} discovery documents are drafted`,
    );
  }
  for (const path of documents.slice(0, MAX_DOCUMENTS_PER_PUSH)) {
    const { branch } = implementationTarget(documentSlug(path), config.implementationSpecs.output);
    await ctx.services.enqueue({
      key: `${ctx.full}:discovery:${path}@${job.after}`,
      lane: branchLane(ctx.repo, branch),
      ...(deliveryId ? { deliveryId } : {}),
      payload: {
        kind: "discovery-spec",
        repo: job.repo,
        path,
        commit: job.after,
        config,
        sender: job.sender,
      },
    });
  }
  await reportStaleness(ctx, config, job.after, job.changedFiles);
}
