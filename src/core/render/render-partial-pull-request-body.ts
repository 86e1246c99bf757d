import { redactSecrets } from "../redact-secrets.js";
import { plainText, sanitizeInline, codeSpan } from "./sanitize-text.js";
import { renderRunMetadata } from "./pull-request-metadata.js";
import { pullRequestMarker, renderCommitLink, renderIterateAdvice } from "./render-pull-request-body.js";
import { truncateForGithub, truncateList } from "./truncate-for-github.js";

/** What the body of a pull request for a run that failed after committing checkpoints shows. */
export interface PartialPullRequestBodyInput {
  /** The job target, e.g. `system-specs`. */
  target: string;
  kind: "system" | "implementation";
  /** The commit the specs describe. */
  commit: string;
  repositoryUrl?: string;
  /** Why the run happened, in plain words. */
  trigger?: string;
  /** The spec files the run committed before it failed. */
  paths: readonly string[];
  /** What stopped the run, in plain words. */
  cause: string;
  /** The comment that finishes the run. */
  retryCommand: string;
  source?: string;
}

/**
 * The body of Specwright's pull request when a run failed after some phases were committed:
 * the same hidden markers as a finished run's body (flagged `partial`), a warning that the run
 * stopped partway with the cause, the specs already on the branch, the command that finishes the
 * run, and how to iterate.
 */
export function renderPartialPullRequestBody(input: PartialPullRequestBodyInput): string {
  const command = plainText(input.retryCommand, 3000).replace(/`/g, "");
  const out = [
    pullRequestMarker(input.target),
    renderRunMetadata({
      target: input.target,
      kind: input.kind,
      commit: input.commit,
      ...(input.source !== undefined ? { source: input.source } : {}),
      partial: true,
    }),
    "## ⚠️ The run failed partway",
    "",
    `Specwright's run on the code at ${renderCommitLink(input.commit, input.repositoryUrl)} stopped before it finished: ${sanitizeInline(input.cause, 1000)}`,
    "",
    "The specs finished before the failure are committed on this branch, so nothing done so far is lost:",
    "",
    ...truncateList(
      input.paths.map((p) => `- ${codeSpan(p)}`),
      { maxItems: 100 },
    ),
    "",
    "To finish the run, comment:",
    "",
    "```",
    command,
    "```",
  ];
  if (input.trigger) out.push("", `**Why:** ${sanitizeInline(input.trigger, 500)}`);
  out.push("", ...renderIterateAdvice(input.kind, input.target));
  return redactSecrets(truncateForGithub(out.join("\n")));
}
