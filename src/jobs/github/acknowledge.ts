import type { ReactionTarget } from "../../ports/git-host.js";
import type { JobContext } from "../job-services.js";

/**
 * Reacts 👀 to the comment or issue that started the job. The reaction is a courtesy: when it
 * fails (the comment was deleted meanwhile, a hiccup on GitHub) the job goes on and the failure
 * is only logged.
 */
export async function acknowledge(ctx: JobContext, target: ReactionTarget): Promise<void> {
  try {
    await ctx.host.addReaction(target, "eyes");
  } catch (error) {
    ctx.log.warn(
      { target, error: error instanceof Error ? error.message : String(error) },
      "could not react to the command; going on",
    );
  }
}
