import { z } from "zod";
import { GitHostError, type GitHost, type IssueComment } from "../../../ports/git-host.js";
import { fitHostText, TEXT_LIMITS } from "./fit-host-text.js";
import type { HostContext, HostOperation } from "./host-context.js";
import { issueCommentSchema, permissionSchema } from "./host-schemas.js";
import { requestAllPages } from "./request-all-pages.js";
import { requestHost } from "./request-host.js";
import { toRepoPermission } from "./to-repo-permission.js";

type ConversationMethods = Pick<
  GitHost,
  "createComment" | "updateComment" | "findComment" | "listIssueComments" | "addReaction" | "getPermission"
>;

/** Comments on pull requests need the pull-requests permission, on issues the issues one. */
const ISSUES = "Issues: write (Pull requests: write for pull request conversations)";

/** The host's conversation methods: issue/PR comments, reactions, and the commenter's permission. */
export function createConversationMethods(ctx: HostContext): ConversationMethods {
  const toComment = (c: z.output<typeof issueCommentSchema>): IssueComment => ({
    id: c.id,
    body: c.body,
    url: c.html_url,
    authorLogin: c.user?.login,
    authorType: c.user?.type,
    isOwn: c.user?.login !== undefined && c.user.login.toLowerCase() === ctx.botLogin.toLowerCase(),
    createdAt: c.created_at,
  });
  const listOp = (issueNumber: number): HostOperation => ({
    what: `read the comments of #${issueNumber}`,
    permission: "Issues: read",
  });
  const route = "GET /repos/{owner}/{repo}/issues/{issue_number}/comments";

  return {
    async createComment(issueNumber, body) {
      const { data } = await requestHost(
        ctx,
        { what: `comment on #${issueNumber}`, permission: ISSUES },
        "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
        { issue_number: issueNumber, body: fitHostText(body, TEXT_LIMITS.body, ctx.secretEnv) },
        issueCommentSchema,
      );
      return { id: data.id, url: data.html_url };
    },

    async updateComment(commentId, body) {
      const { data } = await requestHost(
        ctx,
        { what: `update comment ${commentId}`, permission: ISSUES },
        "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
        { comment_id: commentId, body: fitHostText(body, TEXT_LIMITS.body, ctx.secretEnv) },
        issueCommentSchema,
      );
      return { id: data.id, url: data.html_url };
    },

    async findComment(issueNumber, marker) {
      if (marker.trim() === "") {
        throw new GitHostError(
          "The comment marker is empty",
          "Pass a hidden marker such as `<!-- specwright:progress:… -->`.",
          "invalid-request",
        );
      }
      const matches = (c: IssueComment) => c.isOwn && c.body.includes(marker);
      const comments = await requestAllPages(
        ctx,
        listOp(issueNumber),
        route,
        { issue_number: issueNumber },
        z.array(issueCommentSchema).transform((page) => page.map(toComment)),
        { stopAt: matches },
      );
      return comments.find(matches);
    },

    async listIssueComments(issueNumber) {
      return requestAllPages(
        ctx,
        listOp(issueNumber),
        route,
        { issue_number: issueNumber },
        z.array(issueCommentSchema).transform((page) => page.map(toComment)),
      );
    },

    async addReaction(target, content) {
      const op = {
        what: `react to ${target.kind === "issue" ? `#${target.issueNumber}` : `comment ${target.commentId}`}`,
        permission: ISSUES,
      };
      if (target.kind === "issue") {
        await requestHost(
          ctx,
          op,
          "POST /repos/{owner}/{repo}/issues/{issue_number}/reactions",
          { issue_number: target.issueNumber, content },
          z.unknown(),
        );
      } else {
        await requestHost(
          ctx,
          op,
          "POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions",
          { comment_id: target.commentId, content },
          z.unknown(),
        );
      }
    },

    async getPermission(username) {
      if (!/^[A-Za-z0-9-]+(\[bot\])?$/.test(username)) return "none";
      try {
        const { data } = await requestHost(
          ctx,
          { what: `read ${username}'s permission`, permission: "Metadata: read" },
          "GET /repos/{owner}/{repo}/collaborators/{username}/permission",
          { username },
          permissionSchema,
        );
        return toRepoPermission(data);
      } catch (error) {
        // GitHub answers 404 for a login that is not a user (or not visible to the app).
        if (error instanceof GitHostError && error.reason === "not-found") return "none";
        throw error;
      }
    },
  };
}
