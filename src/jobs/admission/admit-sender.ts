import { sanitizeInline } from "../../core/render/sanitize-text.js";
import type { JobContext } from "../job-services.js";
import { hasWriteAccess } from "./has-write-access.js";

/**
 * Checks that `sender` has write, maintain or admin permission on the repository (1 request).
 * Anyone else is refused and the job stops: Specwright's runs cost money, so only people who
 * could push the specs themselves may start them. The polite refusal is posted at most once per
 * person and issue per window of the refusal limiter (later attempts are only logged), so
 * repeated commands cannot turn into a flood of replies.
 */
export async function admitSender(ctx: JobContext, sender: string, issueNumber: number): Promise<boolean> {
  const permission = await ctx.host.getPermission(sender);
  if (hasWriteAccess(permission)) return true;
  const reply = ctx.services.refusalLimiter.take(`${ctx.full}#${issueNumber}:${sender.toLowerCase()}`);
  ctx.log.info(
    { sender, permission, issue: issueNumber, replied: reply.allowed },
    "command refused: no write access",
  );
  if (!reply.allowed) return false;
  const who = sanitizeInline(sender, 100);
  const level = permission === "none" ? "no access" : `${permission} access`;
  await ctx.host.createComment(
    issueNumber,
    [
      `Sorry @${who}, only people with write access to ${ctx.full} can run Specwright (you have ${level}).`,
      "Specwright's runs call a paid model, so they are limited to people who could push the specs themselves.",
      "Ask a maintainer to run the command for you, or to give you write access.",
    ].join(" "),
  );
  return false;
}
