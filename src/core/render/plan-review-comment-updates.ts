import type { Finding } from "../checks/types.js";
import { redactSecrets } from "../redact-secrets.js";
import { findingMarker, parseFindingMarkers, RESOLVED_MARKER } from "./finding-markers.js";
import { shortSha } from "./format-units.js";
import { renderFindingComment } from "./render-finding-comment.js";
import { codeSpan } from "./sanitize-text.js";

/** A review comment already on the pull request. */
export interface ExistingReviewComment {
  /** GitHub's comment id. */
  id: number;
  body: string;
}

/** An edit to an existing comment. */
export interface CommentEdit {
  commentId: number;
  findingId: string;
  body: string;
}

/** What a rerun does with review comments, so findings are updated and resolved instead of piling up. */
export interface ReviewCommentPlan {
  /** Comments whose finding is still present and whose text changed: edit to the fresh body. */
  update: CommentEdit[];
  /** Comments whose finding is gone: edit to a "✅ Resolved in <sha>" text. */
  resolve: CommentEdit[];
  /** Findings with no comment yet: post them (see `renderReview`'s `alreadyCommented`). */
  newFindings: Finding[];
}

/**
 * Plans the edits to Specwright's existing review comments (found by their hidden finding
 * marker; other comments are ignored) after a rerun at `commit`. Comments that would not change
 * are left alone, a resolved comment is not resolved again, and a finding that comes back
 * reopens its resolved comment.
 */
export function planReviewCommentUpdates(
  existing: readonly ExistingReviewComment[],
  findings: readonly Finding[],
  commit: string,
): ReviewCommentPlan {
  const current = new Map(findings.map((f) => [f.id, f] as const));
  const commented = new Set<string>();
  const plan: ReviewCommentPlan = { update: [], resolve: [], newFindings: [] };
  for (const comment of existing) {
    const findingId = parseFindingMarkers(comment.body)[0];
    if (findingId === undefined) continue;
    commented.add(findingId);
    const finding = current.get(findingId);
    if (finding) {
      const body = renderFindingComment(finding);
      if (body !== comment.body) plan.update.push({ commentId: comment.id, findingId, body });
    } else if (!comment.body.includes(RESOLVED_MARKER)) {
      plan.resolve.push({
        commentId: comment.id,
        findingId,
        body: resolvedBody(findingId, comment.body, commit),
      });
    }
  }
  plan.newFindings = findings.filter((f) => !commented.has(f.id));
  return plan;
}

function resolvedBody(findingId: string, previous: string, commit: string): string {
  const original = previous.replace(/<!--[\s\S]*?-->/g, "").trim();
  return redactSecrets(
    [
      findingMarker(findingId),
      RESOLVED_MARKER,
      `✅ Resolved in ${codeSpan(shortSha(commit))}: Specwright no longer finds this.`,
      "",
      "<details><summary>Original finding</summary>",
      "",
      original,
      "",
      "</details>",
    ].join("\n"),
  );
}
