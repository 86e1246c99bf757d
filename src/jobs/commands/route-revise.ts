import type { Config } from "../../core/config/config-schema.js";
import { codeSpan } from "../../core/render/sanitize-text.js";
import { getPullRequest } from "../github/get-pull-request.js";
import { isOpenHere } from "../github/is-open-here.js";
import { listPullRequestLines } from "../github/list-pull-request-lines.js";
import type { CommandJob } from "../job-payload.js";
import type { JobContext } from "../job-services.js";
import { branchLane, digest, implementationTarget, SYSTEM_SPECS_BRANCH } from "../job-targets.js";
import { listAgents } from "./list-agent-names.js";

/**
 * `/spec revise <feedback>`: finds the pull request's Specwright branch and the spec to revise,
 * then re-queues the revision in that branch's lane (so it never runs alongside another write
 * to the branch). On a system-spec PR that changes several specs, the feedback must start with
 * the spec's name; the job carries that name and the whole feedback, so its retry command is
 * the same command. Anything else gets a reply saying what `/spec revise` needs.
 */
export async function routeRevise(
  ctx: JobContext,
  job: CommandJob,
  config: Config,
  feedback: string,
  deliveryId: string | undefined,
): Promise<void> {
  const n = job.conversation.number;
  const reply = (text: string) => ctx.host.createComment(n, text);
  if (!job.conversation.isPullRequest) {
    await reply("`/spec revise` works on Specwright's pull requests: comment it on the spec's PR.");
    return;
  }
  const pr = await getPullRequest(ctx.octokit, ctx.repo, n);
  if (!isOpenHere(pr, ctx.full) || !pr.head.ref.startsWith("specwright/")) {
    await reply(
      "`/spec revise` works on open pull requests that Specwright opened (branches `specwright/…`).",
    );
    return;
  }
  let specFile: string | undefined;
  let agent: string | undefined;
  let text = feedback;
  if (pr.head.ref === SYSTEM_SPECS_BRANCH) {
    const agents = await listAgents(ctx, config);
    // `<name>[:|,] <feedback…>`: only the name is taken off; the feedback keeps its lines.
    const lead = /^\s*([A-Za-z0-9_.-]+)[:,]?(?=\s|$)\s*/.exec(feedback);
    const named = lead ? agents.find((a) => a.name === lead[1]) : undefined;
    if (named && lead) {
      specFile = named.specFile;
      agent = named.name;
      text = feedback.slice(lead[0].length);
    } else {
      const changed = new Set((await listPullRequestLines(ctx.octokit, ctx.repo, n)).keys());
      const candidates = agents.filter((a) => changed.has(a.specFile));
      const only = candidates.length === 1 ? candidates[0] : undefined;
      if (only) {
        specFile = only.specFile;
        agent = only.name;
      } else {
        await reply(
          `This pull request changes ${candidates.length} specs; say which one to revise: ` +
            `\`/spec revise <name> <feedback>\` with one of ${candidates.map((a) => codeSpan(a.name, 100)).join(", ") || "the configured agents"}.`,
        );
        return;
      }
    }
  } else {
    specFile = implementationTarget(
      pr.head.ref.replace(/^specwright\/spec-/, ""),
      config.implementationSpecs.output,
    ).outputPath;
  }
  if (specFile === undefined || text.trim() === "") {
    await reply("Say what to change: `/spec revise <feedback>`.");
    return;
  }
  await ctx.services.enqueue({
    key: `${ctx.full}:revise:pr-${n}:${digest(`${agent ?? ""}\n${text}`)}`,
    lane: branchLane(ctx.repo, pr.head.ref),
    ...(deliveryId ? { deliveryId } : {}),
    payload: {
      kind: "revise",
      repo: job.repo,
      conversation: job.conversation,
      commentId: job.commentId,
      sender: job.sender,
      feedback: text.trim(),
      ...(agent ? { agent } : {}),
      headBranch: pr.head.ref,
      specFile,
      config,
    },
  });
}
