import type { Config } from "../../core/config/config-schema.js";
import { readRunMetadata } from "../../core/render/pull-request-metadata.js";
import { codeSpan } from "../../core/render/sanitize-text.js";
import { collectIssueDiscovery } from "../discovery/collect-issue-discovery.js";
import { createDiscoveryMatcher } from "../discovery/create-discovery-matcher.js";
import { readDocumentDiscovery } from "../discovery/read-document-discovery.js";
import { runImplementationSpec } from "../flows/run-implementation-spec.js";
import { getPullRequest } from "../github/get-pull-request.js";
import { isOpenHere } from "../github/is-open-here.js";
import type { CommandJob } from "../job-payload.js";
import type { JobContext } from "../job-services.js";
import { implementationTarget, titleFromSlug } from "../job-targets.js";

/**
 * `/spec regenerate spec-<slug>` on an implementation spec's own pull request: the spec is
 * drafted again from the source its PR body records (the issue, or the discovery document,
 * which is read again from the default branch) and committed on top of the branch. This is the
 * retry command of discovery documents, whose runs have no issue to comment on. Anything else
 * (another PR, a PR that does not say where it came from) gets a reply saying what works.
 */
export async function regenerateFromPullRequest(
  ctx: JobContext,
  job: CommandJob,
  config: Config,
  request: { target: string; branch: string; force: boolean; agentNames: readonly string[] },
): Promise<void> {
  const n = job.conversation.number;
  const reply = (text: string) => ctx.host.createComment(n, text);
  const pr = await getPullRequest(ctx.octokit, ctx.repo, n);
  if (!isOpenHere(pr, ctx.full) || pr.head.ref !== request.branch) {
    const agent = request.agentNames.includes(request.target)
      ? ` To regenerate the system spec ${codeSpan(request.target, 100)}, comment on an issue.`
      : "";
    await reply(
      `${codeSpan(`/spec regenerate ${request.target}`)} works on the open pull request of that spec (branch ${codeSpan(request.branch)}), not on this one.${agent}`,
    );
    return;
  }
  const source = readRunMetadata(pr.body)?.source;
  const issue = source === undefined ? undefined : /^issue #(\d+)$/.exec(source);
  const isDocument = source !== undefined && !issue && createDiscoveryMatcher(config)(source);
  if (source === undefined || (!issue && !isDocument)) {
    await reply(
      "This pull request does not say which issue or discovery document it was drafted from (it may come from an older Specwright, " +
        "or the document no longer matches `implementationSpecs.discovery`). Label the issue again or push the document again to redraft it.",
    );
    return;
  }
  const slug = request.target.replace(/^spec-/, "");
  const retryCommand = `/spec regenerate ${request.target}`;
  const issueNumber = issue ? Number(issue[1]) : undefined;
  await runImplementationSpec(ctx, {
    config,
    target: implementationTarget(slug, config.implementationSpecs.output),
    title: pr.title.replace(/^Spec:\s*/, "").trim() || titleFromSlug(slug),
    source,
    discovery:
      issueNumber !== undefined
        ? () => collectIssueDiscovery(ctx, issueNumber)
        : readDocumentDiscovery(source),
    issueNumber,
    trigger: `@${job.sender} commented \`${retryCommand}${request.force ? " --force" : ""}\` in #${n}`,
    force: request.force,
    retryCommand,
  });
}
