import { describe, expect, it } from "vitest";
import { parseFindingMarkers, RESOLVED_MARKER } from "../../../src/core/render/finding-markers.js";
import { planReviewCommentUpdates } from "../../../src/core/render/plan-review-comment-updates.js";
import { renderFindingComment } from "../../../src/core/render/render-finding-comment.js";
import { finding, SHA } from "./run-fixtures.js";

describe("planReviewCommentUpdates", () => {
  const stays = finding({ id: "SW-aaaaaaaa" });
  const changed = finding({ id: "SW-bbbbbbbb", message: "Old wording." });
  const gone = finding({ id: "SW-cccccccc" });
  const existing = [
    { id: 101, body: renderFindingComment(stays) },
    { id: 102, body: renderFindingComment(changed) },
    { id: 103, body: renderFindingComment(gone) },
    { id: 104, body: "LGTM, thanks!" },
  ];
  const now = [stays, { ...changed, message: "New wording." }, finding({ id: "SW-dddddddd" })];

  it("updates changed comments, resolves gone ones, reports new findings and ignores others", () => {
    const plan = planReviewCommentUpdates(existing, now, SHA);
    expect(plan.update.map((u) => [u.commentId, u.findingId])).toEqual([[102, "SW-bbbbbbbb"]]);
    expect(plan.update[0]?.body).toContain("New wording.");
    expect(plan.resolve.map((r) => [r.commentId, r.findingId])).toEqual([[103, "SW-cccccccc"]]);
    expect(plan.newFindings.map((f) => f.id)).toEqual(["SW-dddddddd"]);
  });

  it("writes a resolved text that keeps the marker and the original finding", () => {
    const body = planReviewCommentUpdates(existing, now, SHA).resolve[0]?.body ?? "";
    expect(body).toContain("✅ Resolved in `3f9c2e7`");
    expect(body).toContain(RESOLVED_MARKER);
    expect(parseFindingMarkers(body)).toEqual(["SW-cccccccc"]);
    expect(body).toContain("<details><summary>Original finding</summary>");
  });

  it("does not resolve a resolved comment again, and reopens it when the finding comes back", () => {
    const resolved = planReviewCommentUpdates(existing, now, SHA).resolve[0];
    const afterResolve = [{ id: 103, body: resolved?.body ?? "" }];
    expect(planReviewCommentUpdates(afterResolve, [], SHA)).toEqual({
      update: [],
      resolve: [],
      newFindings: [],
    });
    const back = planReviewCommentUpdates(afterResolve, [gone], SHA);
    expect(back.update).toEqual([
      { commentId: 103, findingId: "SW-cccccccc", body: renderFindingComment(gone) },
    ]);
    expect(back.newFindings).toEqual([]);
  });
});

describe("parseFindingMarkers", () => {
  it("returns each id once, in order", () => {
    const text =
      "<!-- specwright:finding:SW-2 -->a<!--specwright:finding:SW-1-->b<!-- specwright:finding:SW-2 -->";
    expect(parseFindingMarkers(text)).toEqual(["SW-2", "SW-1"]);
  });
});
