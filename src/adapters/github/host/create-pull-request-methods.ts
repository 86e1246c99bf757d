import { z } from "zod";
import { GitHostError, type GitHost, type PullRequestInfo } from "../../../ports/git-host.js";
import { checkBranchName } from "./check-host-input.js";
import { fitHostText, TEXT_LIMITS } from "./fit-host-text.js";
import type { HostContext, HostOperation } from "./host-context.js";
import { pullRequestSchema, reviewCommentSchema, reviewSchema } from "./host-schemas.js";
import { requestAllPages } from "./request-all-pages.js";
import { requestHost } from "./request-host.js";

type PullRequestMethods = Pick<
  GitHost,
  | "findOpenPullRequest"
  | "createPullRequest"
  | "updatePullRequest"
  | "createReview"
  | "listReviewComments"
  | "updateReviewComment"
>;

const PULLS = "Pull requests: write";

function toInfo(pr: z.output<typeof pullRequestSchema>): PullRequestInfo {
  return {
    number: pr.number,
    url: pr.html_url,
    title: pr.title,
    body: pr.body,
    headSha: pr.head.sha,
    headBranch: pr.head.ref,
    baseBranch: pr.base.ref,
  };
}

/** The host's pull request and review methods. */
export function createPullRequestMethods(ctx: HostContext): PullRequestMethods {
  const own = (login: string | undefined) =>
    login !== undefined && login.toLowerCase() === ctx.botLogin.toLowerCase();

  const findOpenPullRequest = async (branch: string) => {
    checkBranchName(branch);
    const { data } = await requestHost(
      ctx,
      { what: `look for an open pull request from ${branch}`, permission: "Pull requests: read" },
      "GET /repos/{owner}/{repo}/pulls",
      { state: "open", head: `${ctx.owner}:${branch}`, per_page: 10 },
      z.array(pullRequestSchema),
    );
    return data[0] === undefined ? undefined : toInfo(data[0]);
  };

  const updatePullRequest = async (pullNumber: number, changes: { title?: string; body?: string }) => {
    const { data } = await requestHost(
      ctx,
      { what: `update pull request #${pullNumber}`, permission: PULLS },
      "PATCH /repos/{owner}/{repo}/pulls/{pull_number}",
      {
        pull_number: pullNumber,
        title:
          changes.title === undefined
            ? undefined
            : fitHostText(changes.title, TEXT_LIMITS.title, ctx.secretEnv),
        body:
          changes.body === undefined ? undefined : fitHostText(changes.body, TEXT_LIMITS.body, ctx.secretEnv),
      },
      pullRequestSchema,
    );
    return toInfo(data);
  };

  return {
    findOpenPullRequest,
    updatePullRequest,

    async createPullRequest(request) {
      checkBranchName(request.head);
      checkBranchName(request.base);
      const op: HostOperation = {
        what: `open a pull request from ${request.head} into ${request.base}`,
        permission: PULLS,
        validationHints: [
          {
            match: /already exists/i,
            reason: "conflict",
            hint: "A pull request for this branch is already open; update it.",
          },
          {
            match: /no commits between/i,
            hint: `${request.head} has no changes against ${request.base}; commit the files first.`,
          },
        ],
      };
      try {
        const { data } = await requestHost(
          ctx,
          op,
          "POST /repos/{owner}/{repo}/pulls",
          {
            head: request.head,
            base: request.base,
            title: fitHostText(request.title, TEXT_LIMITS.title, ctx.secretEnv),
            body: fitHostText(request.body, TEXT_LIMITS.body, ctx.secretEnv),
            draft: request.draft,
          },
          pullRequestSchema,
        );
        return toInfo(data);
      } catch (error) {
        if (!(error instanceof GitHostError && error.reason === "conflict")) throw error;
        // Another run opened it meanwhile: update that one instead of failing.
        const existing = await findOpenPullRequest(request.head);
        if (existing === undefined) throw error;
        return updatePullRequest(existing.number, { title: request.title, body: request.body });
      }
    },

    async createReview(request) {
      const { data } = await requestHost(
        ctx,
        {
          what: `review pull request #${request.pullNumber}`,
          permission: PULLS,
          validationHints: [
            {
              match: /diff|could not be resolved|line/i,
              hint: "Every line comment must be on a line of the pull request's diff at that commit; move other findings into the review body.",
            },
          ],
        },
        "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews",
        {
          pull_number: request.pullNumber,
          commit_id: request.commitId,
          body: fitHostText(request.body, TEXT_LIMITS.body, ctx.secretEnv),
          event: request.event,
          comments: request.comments.map((c) => ({
            path: c.path,
            line: c.line,
            side: c.side ?? "RIGHT",
            start_line: c.startLine,
            start_side: c.startLine === undefined ? undefined : (c.side ?? "RIGHT"),
            body: fitHostText(c.body, TEXT_LIMITS.body, ctx.secretEnv),
          })),
        },
        reviewSchema,
      );
      return { id: data.id, url: data.html_url };
    },

    async listReviewComments(pullNumber) {
      const comments = await requestAllPages(
        ctx,
        { what: `list the line comments of pull request #${pullNumber}`, permission: "Pull requests: read" },
        "GET /repos/{owner}/{repo}/pulls/{pull_number}/comments",
        { pull_number: pullNumber },
        z.array(reviewCommentSchema),
      );
      return comments.map((c) => ({
        id: c.id,
        body: c.body,
        path: c.path,
        line: c.line ?? undefined,
        url: c.html_url,
        authorLogin: c.user?.login,
        isOwn: own(c.user?.login),
        inReplyToId: c.in_reply_to_id,
      }));
    },

    async updateReviewComment(commentId, body) {
      await requestHost(
        ctx,
        { what: `update line comment ${commentId}`, permission: PULLS },
        "PATCH /repos/{owner}/{repo}/pulls/comments/{comment_id}",
        { comment_id: commentId, body: fitHostText(body, TEXT_LIMITS.body, ctx.secretEnv) },
        z.unknown(),
      );
    },
  };
}
