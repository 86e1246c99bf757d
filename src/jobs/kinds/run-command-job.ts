import { validateSpecNames } from "../../core/commands/validate-spec-names.js";
import { renderCommandHelp, renderCommandProblem } from "../../core/render/render-command-help.js";
import { admitRun } from "../admission/admit-run.js";
import { admitSender } from "../admission/admit-sender.js";
import { listAgents } from "../commands/list-agent-names.js";
import { replyPlan } from "../commands/reply-plan.js";
import { routeRevise } from "../commands/route-revise.js";
import { collectIssueDiscovery } from "../discovery/collect-issue-discovery.js";
import { runCheck } from "../flows/run-check.js";
import { runImplementationSpec } from "../flows/run-implementation-spec.js";
import { runSystemSpecs } from "../flows/run-system-specs.js";
import type { CommandJob } from "../job-payload.js";
import type { JobContext } from "../job-services.js";
import { implementationTarget, issueSlug } from "../job-targets.js";
import { readRepoConfig } from "../read-repo-config.js";
import { reportConfigProblems } from "../report-config-problems.js";

/**
 * A `/spec` command, in numbered steps:
 * 1. the sender must have write access (else a polite refusal);
 * 2. 👀 on the comment to acknowledge it;
 * 3. the config from the default branch (problems: check run + comment, nothing runs);
 * 4. help, plan and problem replies are answered at once (no model call);
 * 5. spec names are checked (unknown: reply with the valid ones and a "did you mean");
 * 6. commands that call the model take a slot of the per-issue rate limit, then run.
 * On an issue, `/spec regenerate spec-<slug>` redrafts that issue's implementation spec.
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
  await host.addReaction({ kind: "comment", commentId: job.commentId }, "eyes");
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
    case "plan":
    case "regenerate": {
      const names = (await listAgents(ctx, config)).map((a) => a.name);
      const wantsIssueSpec =
        command.kind === "regenerate" &&
        issueTarget !== undefined &&
        command.names.length === 1 &&
        command.names[0] === issueTarget.target;
      const known = issueTarget ? [...names, issueTarget.target] : names;
      const unknown = wantsIssueSpec
        ? []
        : validateSpecNames(command.names, command.kind === "plan" ? names : known);
      if (unknown.length > 0) {
        await host.createComment(n, renderCommandProblem(command, unknown, known));
        return;
      }
      if (command.kind === "plan") return replyPlan(ctx, config, command.names, n);
      if (!(await admitRun(ctx, n))) return;
      if (wantsIssueSpec && issueTarget) {
        return runImplementationSpec(ctx, {
          config,
          target: issueTarget,
          title: conversation.title,
          discovery: () => collectIssueDiscovery(ctx, n),
          issueNumber: n,
          trigger: `@${job.sender} commented \`/spec regenerate ${issueTarget.target}\` in #${n}`,
          force: command.force,
          retryCommand: `/spec regenerate ${issueTarget.target}`,
        });
      }
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
