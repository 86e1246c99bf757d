import { z } from "zod";
import { GitHostError, type CommitFilesRequest, type CommitFilesResult } from "../../../ports/git-host.js";
import { graphqlState } from "./graphql-state.js";
import type { HostContext, HostOperation } from "./host-context.js";
import {
  graphqlProblemError,
  isSchemaMismatch,
  requestGraphql,
  type GraphqlAnswer,
} from "./request-graphql.js";

const COMMIT = `mutation SpecwrightCommit($commit: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $commit) { commit { oid tree { oid } } }
}`;

// Mutation fields run one after the other: the branch exists (at the parent) before the commit.
const CREATE_AND_COMMIT = `mutation SpecwrightCreateBranchAndCommit($ref: CreateRefInput!, $commit: CreateCommitOnBranchInput!) {
  createRef(input: $ref) { ref { name } }
  createCommitOnBranch(input: $commit) { commit { oid tree { oid } } }
}`;

const oid = z.string().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/, "expected a git object id");
const payloadSchema = z.object({ commit: z.object({ oid, tree: z.object({ oid }) }) });

/** `createCommitOnBranch` takes the message as a headline (first line) and a body (the rest). */
function splitMessage(message: string): { headline: string; body?: string } {
  const [first = "", ...rest] = message.trim().split("\n");
  const body = rest.join("\n").trim();
  return body === "" ? { headline: first.trim() } : { headline: first.trim(), body };
}

function operation(branch: string, what: string): HostOperation {
  return {
    what: `${what} for ${branch}`,
    permission: "Contents: write",
    notFoundHint: `The branch ${branch} does not exist (any more); read it again and retry.`,
    validationHints: [
      {
        // GitHub: STALE_DATA "Expected branch to point to "<oid>" but it did not. Pull and try again."
        match: /STALE_DATA|expected branch to point to/i,
        reason: "conflict",
        hint: `${branch} has commits this run did not start from (someone pushed meanwhile); read the branch again, or rerun with --force to replace them.`,
      },
    ],
  };
}

/** The commit's error in plain words; a failed branch creation explains a commit that found no branch. */
function failure(ctx: HostContext, branch: string, answer: GraphqlAnswer): GitHostError {
  const commitProblem = answer.problems.find((p) => p.field === "createCommitOnBranch");
  const refProblem = answer.problems.find((p) => p.field === "createRef");
  if (commitProblem) {
    const error = graphqlProblemError(ctx, operation(branch, "create the commit"), commitProblem);
    if (refProblem && error.reason === "not-found")
      return graphqlProblemError(ctx, operation(branch, "create the branch"), refProblem);
    return error;
  }
  const [problem] = answer.problems;
  if (problem) return graphqlProblemError(ctx, operation(branch, "create the commit"), problem);
  return new GitHostError(
    `Could not create the commit for ${branch} in ${ctx.repository}: GitHub's answer had no commit`,
    "Read the branch again and retry; report it if it persists.",
    "unexpected-response",
  );
}

/**
 * Writes every file of `request` as ONE commit in ONE GraphQL request (`createCommitOnBranch`,
 * contents base64-encoded). GitHub appends the commit only if the branch still points to
 * `parentSha` (`expectedHeadOid`), so a push that lands meanwhile is never overwritten: the
 * refusal (`STALE_DATA`) is a `conflict`, like a refused REST fast-forward. For "create", the
 * same request first creates the branch at `parentSha` (`createRef`, needs the repository's
 * node id from `getBranchHeads`); if the branch was created meanwhile, the commit still only
 * lands on top of `parentSha`. GitHub makes the app the author, itself the committer (as for
 * web commits), and signs the commit. Resolves to `undefined` when the server's schema lacks
 * the mutation (nothing was written): the caller uses the REST Git Data API instead.
 */
export async function commitFilesWithGraphql(
  ctx: HostContext,
  request: CommitFilesRequest,
  message: string,
): Promise<CommitFilesResult | undefined> {
  const { branch, parentSha } = request;
  const state = graphqlState(ctx);
  const create = request.refUpdate === "create";
  if (create && state.repositoryId === undefined) {
    throw new GitHostError(
      `Creating ${branch} in one request needs the repository's node id`,
      "Read the branch heads with getBranchHeads first.",
      "invalid-request",
    );
  }
  const commit = {
    branch: { repositoryNameWithOwner: ctx.repository, branchName: branch },
    message: splitMessage(message),
    fileChanges: {
      additions: request.files.map((f) => ({
        path: f.path,
        contents: Buffer.from(f.content, "utf8").toString("base64"),
      })),
      deletions: (request.deletions ?? []).map((path) => ({ path })),
    },
    expectedHeadOid: parentSha,
  };
  const op = operation(branch, create ? "create the branch and the commit" : "create the commit");
  let answer = create
    ? await requestGraphql(ctx, op, CREATE_AND_COMMIT, {
        ref: { repositoryId: state.repositoryId, name: `refs/heads/${branch}`, oid: parentSha },
        commit,
      })
    : await requestGraphql(ctx, op, COMMIT, { commit });
  if (isSchemaMismatch(answer.problems)) {
    state.commitsUnsupported = true;
    return undefined;
  }
  let done = payloadSchema.safeParse(answer.data.createCommitOnBranch);
  const branchCreated = create && answer.data.createRef != null;
  const commitMissedBranch = answer.problems.some(
    (p) => p.field === "createCommitOnBranch" && p.type === "NOT_FOUND",
  );
  if (!done.success && branchCreated && commitMissedBranch) {
    // The new branch was not visible to the commit yet: commit once more, on its own.
    answer = await requestGraphql(ctx, operation(branch, "create the commit"), COMMIT, { commit });
    done = payloadSchema.safeParse(answer.data.createCommitOnBranch);
  }
  if (!done.success) throw failure(ctx, branch, answer);
  return { commitSha: done.data.commit.oid, treeSha: done.data.commit.tree.oid, committed: true };
}
