import { formatDuration } from "../../core/render/format-units.js";
import type { JobContext } from "../job-services.js";

/**
 * Takes one slot of the per-issue rate limit for a job that calls the model. Over the limit,
 * the job stops; the first refusal in a window explains it in the conversation, later ones
 * only log (so a flood of commands does not become a flood of replies).
 */
export async function admitRun(ctx: JobContext, issueNumber: number): Promise<boolean> {
  const decision = ctx.services.runLimiter.take(`${ctx.full}#${issueNumber}`);
  if (decision.allowed) return true;
  ctx.log.info(
    { issue: issueNumber, retryAfterMs: decision.retryAfterMs },
    "run refused: per-issue rate limit",
  );
  if (decision.firstRefusal) {
    await ctx.host.createComment(
      issueNumber,
      `Specwright has reached its limit of runs for #${issueNumber} for now, so this one did not start. ` +
        `Try again in about ${formatDuration(Math.max(1000, decision.retryAfterMs))}.`,
    );
  }
  return false;
}
