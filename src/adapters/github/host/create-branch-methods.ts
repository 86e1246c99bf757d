import { GitHostError, type GitHost } from "../../../ports/git-host.js";
import { checkBranchName, checkRepoPath } from "./check-host-input.js";
import { commitFiles } from "./commit-files.js";
import type { HostContext } from "./host-context.js";
import { branchSchema, compareCommitsSchema, fileContentSchema, repositorySchema } from "./host-schemas.js";
import { isSpecwrightCommit } from "./is-specwright-commit.js";
import { readBranchHeads } from "./read-branch-heads.js";
import { requestAllPages } from "./request-all-pages.js";
import { requestHost } from "./request-host.js";

type BranchMethods = Pick<
  GitHost,
  | "getDefaultBranch"
  | "getBranchHead"
  | "getBranchHeads"
  | "listBranchCommitsSince"
  | "commitFiles"
  | "getFileText"
>;

/** The host's branch, commit and file methods (Git Data API, branches, compare, contents). */
export function createBranchMethods(ctx: HostContext): BranchMethods {
  let defaultBranch: Promise<string> | undefined;

  const readBranch = async (branch: string) => {
    checkBranchName(branch);
    try {
      const { data } = await requestHost(
        ctx,
        { what: `read the branch ${branch}`, permission: "Contents: read" },
        "GET /repos/{owner}/{repo}/branches/{branch}",
        { branch },
        branchSchema,
      );
      return { sha: data.commit.sha, treeSha: data.commit.commit.tree.sha };
    } catch (error) {
      if (error instanceof GitHostError && error.reason === "not-found") return undefined;
      throw error;
    }
  };

  return {
    getDefaultBranch() {
      defaultBranch ??= requestHost(
        ctx,
        { what: "read the repository", permission: "Metadata: read" },
        "GET /repos/{owner}/{repo}",
        {},
        repositorySchema,
      ).then((r) => r.data.default_branch);
      // A failure is not cached: the next call asks again.
      defaultBranch.catch(() => (defaultBranch = undefined));
      return defaultBranch;
    },

    getBranchHead: readBranch,

    getBranchHeads: (branches) => readBranchHeads(ctx, branches, readBranch),

    async listBranchCommitsSince(branch, baseSha) {
      checkBranchName(branch);
      const commits = await requestAllPages(
        ctx,
        {
          what: `compare ${branch} with ${baseSha.slice(0, 7)}`,
          permission: "Contents: read",
          notFoundHint: `The branch ${branch} or the commit ${baseSha} does not exist (any more); read the branch again.`,
        },
        "GET /repos/{owner}/{repo}/compare/{basehead}",
        { basehead: `${baseSha}...${branch}` },
        compareCommitsSchema.transform((page) => page.commits),
        { maxPages: 10 },
      );
      return commits.map((c) => {
        const identity = {
          authorLogin: c.author?.login,
          authorEmail: c.commit.author?.email,
          committerLogin: c.committer?.login,
          committerEmail: c.commit.committer?.email,
          message: c.commit.message,
        };
        return {
          sha: c.sha,
          authorLogin: identity.authorLogin,
          committerLogin: identity.committerLogin,
          committerEmail: identity.committerEmail,
          message: c.commit.message,
          madeBySpecwright: isSpecwrightCommit(identity, ctx.botLogin),
        };
      });
    },

    commitFiles: (request) => commitFiles(ctx, request),

    async getFileText(path, ref) {
      checkRepoPath(path);
      let data;
      try {
        ({ data } = await requestHost(
          ctx,
          { what: `read ${path} at ${ref}`, permission: "Contents: read" },
          "GET /repos/{owner}/{repo}/contents/{path}",
          { path, ref },
          fileContentSchema,
        ));
      } catch (error) {
        if (error instanceof GitHostError && error.reason === "not-found") return undefined;
        throw error;
      }
      if (data.encoding !== "base64") {
        throw new GitHostError(
          `${path} at ${ref} is too large to read through the contents API (${data.size} bytes)`,
          "Keep the file under 1 MB.",
          "invalid-request",
        );
      }
      try {
        return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(data.content, "base64"));
      } catch {
        throw new GitHostError(
          `${path} at ${ref} is not UTF-8 text`,
          "Save the file as UTF-8.",
          "invalid-request",
        );
      }
    },
  };
}
