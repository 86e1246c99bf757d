import { validateSpecNames } from "../../core/commands/validate-spec-names.js";
import { renderCommandHelp, renderCommandProblem } from "../../core/render/render-command-help.js";
import { codeSpan } from "../../core/render/sanitize-text.js";
import { admitRun } from "../admission/admit-run.js";
import { admitSender } from "../admission/admit-sender.js";
import { fencedBlock } from "../commands/fenced-block.js";
import { listAgents } from "../commands/list-agent-names.js";
import { regenerateFromPullRequest } from "../commands/regenerate-from-pull-request.js";
import { replyPlan } from "../commands/reply-plan.js";
import { routeRevise } from "../commands/route-revise.js";
import { collectIssueDiscovery, issueSource } from "../discovery/collect-issue-discovery.js";
import { runCheck } from "../flows/run-check.js";
import { runImplementationSpec } from "../flows/run-implementation-spec.js";
import { runSystemSpecs } from "../flows/run-system-specs.js";
import { acknowledge } from "../github/acknowledge.js";
import type { CommandJob } from "../job-payload.js";
import type { JobContext } from "../job-services.js";
import { implementationTarget, issueSlug } from "../job-targets.js";
import { readRepoConfig } from "../read-repo-config.js";
import { regenerateTarget } from "../regenerate-target.js";
import { reportConfigProblems } from "../report-config-problems.js";

/**
 * A `/spec` command, in numbered steps:
 * 1. the sender must have write access (else a polite refusal, once per person and issue a while);
 * 2. 👀 on the comment to acknowledge it (a failed reaction does not stop the job);
 * 3. the config from the default branch (problems: check run + comment, nothing runs);
 * 4. help, plan and problem replies are answered at once (no model call);
 * 5. spec names are checked (unknown: reply with the valid ones and a "did you mean"; an
 *    implementation spec mixed with system specs: reply how to run them apart);
 * 6. commands that call the model take a slot of the per-issue rate limit, then run.
 * `/spec regenerate spec-<slug>` redrafts an implementation spec: on its issue, or on its own PR.
 * Which branch a regenerate writes comes from `regenerateTarget`, which also chose the job's lane.
 */
export async function runCommandJob(
  ctx: JobContext,
  job: CommandJob,
  deliveryId: string | undefined,
): Promise<void> {
  const { host } = ctx;
  const { command, conversation } = job;
  const n = conversation.number;
  if (!(await admitSender(ctx, job.sender, n))) return;
  await acknowledge(ctx, { kind: "comment", commentId: job.commentId });
  const loaded = await readRepoConfig(ctx);
  if (!loaded.ok) {
    await reportConfigProblems(ctx, loaded.problems, { issueNumber: n });
    return;
  }
  const { config } = loaded;
  const issueTarget = conversation.isPullRequest
    ? undefined
    : implementationTarget(issueSlug(conversation), config.implementationSpecs.output);

  switch (command.kind) {
    case "help":
    case "unknown":
    case "invalid": {
      const names = (await listAgents(ctx, config)).map((a) => a.name);
      const known = issueTarget ? [...names, issueTarget.target] : names;
      await host.createComment(
        n,
        command.kind === "help" ? renderCommandHelp(known) : renderCommandProblem(command, [], known),
      );
      return;
    }
    case "plan": {
      const names = (await listAgents(ctx, config)).map((a) => a.name);
      const unknown = validateSpecNames(command.names, names);
      if (unknown.length > 0) {
        await host.createComment(n, renderCommandProblem(command, unknown, names));
        return;
      }
      return replyPlan(ctx, config, command.names, n);
    }
    case "regenerate": {
      const names = (await listAgents(ctx, config)).map((a) => a.name);
      const route = regenerateTarget(conversation, command.names);
      if (route.kind === "implementation") {
        if (!(await admitRun(ctx, n))) return;
        if (conversation.isPullRequest) {
          return regenerateFromPullRequest(ctx, job, config, {
            target: route.target,
            branch: route.branch,
            force: command.force,
            agentNames: names,
          });
        }
        const target = implementationTarget(issueSlug(conversation), config.implementationSpecs.output);
        return runImplementationSpec(ctx, {
          config,
          target,
          title: conversation.title,
          source: issueSource(n),
          discovery: () => collectIssueDiscovery(ctx, n),
          issueNumber: n,
          trigger: `@${job.sender} commented \`/spec regenerate ${target.target}\` in #${n}`,
          force: command.force,
          retryCommand: `/spec regenerate ${target.target}`,
        });
      }
      const implementation = command.names.filter(
        (name) =>
          name === issueTarget?.target ||
          (conversation.isPullRequest && name.startsWith("spec-") && !names.includes(name)),
      );
      if (implementation.length > 0) {
        await host.createComment(n, mixedKindsReply(implementation, command.names));
        return;
      }
      const known = issueTarget ? [...names, issueTarget.target] : names;
      const unknown = validateSpecNames(command.names, known);
      if (unknown.length > 0) {
        await host.createComment(n, renderCommandProblem(command, unknown, known));
        return;
      }
      if (!(await admitRun(ctx, n))) return;
      return runSystemSpecs(ctx, {
        config,
        names: command.names,
        withDependents: command.withDependents,
        force: command.force,
        issueNumber: n,
        sender: job.sender,
      });
    }
    case "check":
      if (!(await admitRun(ctx, n))) return;
      return runCheck(ctx, config, n, conversation.isPullRequest);
    case "revise":
      if (!(await admitRun(ctx, n))) return;
      return routeRevise(ctx, job, config, command.feedback, deliveryId);
  }
}

/** The reply to `/spec regenerate` naming an implementation spec together with other specs. */
function mixedKindsReply(implementation: readonly string[], names: readonly string[]): string {
  const others = names.filter((name) => !implementation.includes(name));
  const spec = implementation[0] ?? "spec-…";
  return [
    `${codeSpan(spec, 100)} is an implementation spec; it is drafted on its own branch and pull request, so it cannot be regenerated together with ${others.length > 0 ? others.map((o) => codeSpan(o, 100)).join(", ") : "other specs"}.`,
    "",
    "Run them as separate commands:",
    "",
    fencedBlock(
      [
        `/spec regenerate ${spec}`,
        ...(others.length > 0 ? [`/spec regenerate ${others.join(" ")}`] : []),
      ].join("\n"),
    ),
  ].join("\n");
}
