import { readDocumentDiscovery } from "../discovery/read-document-discovery.js";
import { runImplementationSpec } from "../flows/run-implementation-spec.js";
import type { DiscoveryJob } from "../job-payload.js";
import type { JobContext } from "../job-services.js";
import { documentSlug, implementationTarget, titleFromSlug } from "../job-targets.js";

/**
 * A discovery document added or changed on the default branch: its implementation spec is
 * drafted (or redrafted on the same branch and PR). The document is read at the default
 * branch's head when the job runs, so a later push's version wins. Once its PR is open,
 * `/spec regenerate spec-<slug>` on that PR drafts it again (the retry command).
 */
export async function runDiscoveryJob(ctx: JobContext, job: DiscoveryJob): Promise<void> {
  const target = implementationTarget(documentSlug(job.path), job.config.implementationSpecs.output);
  await runImplementationSpec(ctx, {
    config: job.config,
    target,
    title: titleFromSlug(target.slug),
    source: job.path,
    discovery: readDocumentDiscovery(job.path),
    issueNumber: undefined,
    reportCommit: job.commit,
    trigger: `@${job.sender} pushed ${job.path} (${job.commit.slice(0, 7)})`,
    force: false,
    retryCommand: `/spec regenerate ${target.target}`,
  });
}
