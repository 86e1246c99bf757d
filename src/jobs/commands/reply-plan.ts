import type { Config } from "../../core/config/config-schema.js";
import { renderPlanText } from "../../core/render/render-plan-text.js";
import { codeSpan } from "../../core/render/sanitize-text.js";
import { loadPrompts } from "../../services/load-prompts.js";
import { planRepository } from "../../services/plan-repository.js";
import { openRepoSnapshot } from "../github/open-repo-snapshot.js";
import type { JobContext } from "../job-services.js";
import { fencedBlock } from "./fenced-block.js";

/**
 * `/spec plan [name…]`: the phase plan of the default branch's head as a comment, exactly as
 * `specwright plan` prints it. No model call.
 */
export async function replyPlan(
  ctx: JobContext,
  config: Config,
  names: string[],
  issueNumber: number,
): Promise<void> {
  const snapshot = await openRepoSnapshot(ctx, ctx.repo.defaultBranch);
  const readRepoFile = async (path: string) => {
    const file = await snapshot.readFile(path);
    return file.kind === "text" ? file.text : undefined;
  };
  const prompts = await loadPrompts({ config, readRepoFile, builtinDir: ctx.services.builtinPromptsDir });
  const plan = await planRepository({
    snapshot,
    config,
    selection: { names, withDependents: false },
    promptChars: prompts.systemSpec.text.length,
  });
  const text = renderPlanText(plan, { sha: snapshot.sha, label: snapshot.label });
  await ctx.host.createComment(
    issueNumber,
    [
      `### Specwright plan${names.length > 0 ? ` for ${names.map((n) => codeSpan(n, 100)).join(", ")}` : ""}`,
      "",
      fencedBlock(text, "text"),
      "",
      "No model was called. Run it with `/spec regenerate <name…|all>`.",
    ].join("\n"),
  );
}
