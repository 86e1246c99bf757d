import { admitRun } from "../admission/admit-run.js";
import { admitSender } from "../admission/admit-sender.js";
import { collectIssueDiscovery, issueSource } from "../discovery/collect-issue-discovery.js";
import { runImplementationSpec } from "../flows/run-implementation-spec.js";
import { acknowledge } from "../github/acknowledge.js";
import type { LabelJob } from "../job-payload.js";
import type { JobContext } from "../job-services.js";
import { implementationTarget, issueSlug } from "../job-targets.js";
import { readRepoConfig } from "../read-repo-config.js";
import { reportConfigProblems } from "../report-config-problems.js";

/** The label that asks for a spec when the config does not name one. */
const DEFAULT_LABEL = "needs-spec";

/**
 * An issue was labelled:
 * 1. the config decides whether the label asks for a spec (others are ignored; a broken config
 *    is reported when the label is the one it names, or the default);
 * 2. the labeller must have write access; 3. 👀 on the issue; 4. the per-issue rate limit;
 * 5. the implementation spec is drafted from the issue and its permitted comments.
 */
export async function runLabelJob(ctx: JobContext, job: LabelJob): Promise<void> {
  const n = job.conversation.number;
  const loaded = await readRepoConfig(ctx);
  if (!loaded.ok) {
    if ((loaded.label ?? DEFAULT_LABEL) === job.label)
      await reportConfigProblems(ctx, loaded.problems, { issueNumber: n });
    return;
  }
  const { config } = loaded;
  if (job.label !== config.implementationSpecs.label) return;
  if (!(await admitSender(ctx, job.sender, n))) return;
  await acknowledge(ctx, { kind: "issue", issueNumber: n });
  if (!(await admitRun(ctx, n))) return;
  const target = implementationTarget(issueSlug(job.conversation), config.implementationSpecs.output);
  await runImplementationSpec(ctx, {
    config,
    target,
    title: job.conversation.title,
    source: issueSource(n),
    discovery: () => collectIssueDiscovery(ctx, n),
    issueNumber: n,
    trigger: `@${job.sender} labelled #${n} with \`${job.label}\``,
    force: false,
    retryCommand: `/spec regenerate ${target.target}`,
  });
}
