import { z } from "zod";
import type { GitHost } from "../../../ports/git-host.js";
import { fitHostText, TEXT_LIMITS } from "./fit-host-text.js";
import type { HostContext } from "./host-context.js";
import { requestHost } from "./request-host.js";
import { writeCheckRun } from "./write-check-run.js";

type CheckMethods = Pick<GitHost, "createCheckRun" | "updateCheckRun" | "setCommitStatus">;

/** The host's check-run and commit-status methods. */
export function createCheckMethods(ctx: HostContext): CheckMethods {
  return {
    createCheckRun: (request) => writeCheckRun(ctx, { kind: "create", request }),
    updateCheckRun: (checkRunId, request) => writeCheckRun(ctx, { kind: "update", checkRunId, request }),
    async setCommitStatus(request) {
      await requestHost(
        ctx,
        {
          what: `set the "${request.context}" status on ${request.sha.slice(0, 7)}`,
          permission: "Commit statuses: write",
          notFoundHint: `The commit ${request.sha} does not exist in the repository.`,
        },
        "POST /repos/{owner}/{repo}/statuses/{sha}",
        {
          sha: request.sha,
          state: request.state,
          context: request.context,
          description: fitHostText(request.description, TEXT_LIMITS.statusDescription, ctx.secretEnv),
          target_url: request.targetUrl,
        },
        z.unknown(),
      );
    },
  };
}
