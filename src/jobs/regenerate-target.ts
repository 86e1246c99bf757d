import type { Conversation } from "./job-payload.js";
import { implementationTarget, issueSlug, SYSTEM_SPECS_BRANCH } from "./job-targets.js";

/** What `/spec regenerate <names…>` in a conversation writes. */
export type RegenerateTarget =
  /** One implementation spec: `spec-<slug>` on `specwright/spec-<slug>`. */
  | { kind: "implementation"; target: string; branch: string }
  /** System specs on `specwright/system-specs` (the names are agent names, or `all`). */
  | { kind: "system"; branch: string };

/**
 * The branch `/spec regenerate` writes, from the command alone, so the handler (which picks the
 * job's queue lane) and the job (which picks the flow) always agree:
 * - on an issue, exactly the issue's own target `spec-<number>-<slug>` → that implementation spec;
 * - on a pull request, exactly one `spec-…` name → the implementation spec of that name (the job
 *   checks it is the pull request's own);
 * - anything else → the system specs (the job rejects an implementation target mixed with agent names).
 */
export function regenerateTarget(
  conversation: Pick<Conversation, "number" | "title" | "isPullRequest">,
  names: readonly string[],
): RegenerateTarget {
  const unique = [...new Set(names)];
  const only = unique.length === 1 ? unique[0] : undefined;
  if (only !== undefined) {
    const own = conversation.isPullRequest ? only.startsWith("spec-") : only === issueTarget(conversation);
    if (own) return { kind: "implementation", target: only, branch: `specwright/${only}` };
  }
  return { kind: "system", branch: SYSTEM_SPECS_BRANCH };
}

/** `spec-<number>-<slug>`: the implementation-spec target of an issue. */
export function issueTarget(issue: Pick<Conversation, "number" | "title">): string {
  // The output pattern does not matter for the target: only the slug is used.
  return implementationTarget(issueSlug(issue), "{slug}").target;
}
