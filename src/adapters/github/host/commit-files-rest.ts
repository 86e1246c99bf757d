import { GitHostError, type CommitFilesRequest, type CommitFilesResult } from "../../../ports/git-host.js";
import type { HostContext, HostOperation } from "./host-context.js";
import { gitCommitSchema, gitRefSchema, gitTreeSchema } from "./host-schemas.js";
import { requestHost } from "./request-host.js";

const CONTENTS = "Contents: write";

/**
 * Writes every file of `request` as ONE commit with the REST Git Data API (for `--force`, and
 * where GraphQL's `createCommitOnBranch` cannot be used):
 * 1. (only without `baseTreeSha`) `GET /git/commits/{parentSha}` for the parent's tree;
 * 2. `POST /git/trees` with `base_tree` and every file's content inline (`sha: null` deletes);
 * 3. `POST /git/commits` with that tree and `parentSha` as the only parent;
 * 4. `POST /git/refs` (refUpdate "create"), or `PATCH /git/refs/heads/{branch}` ("fast-forward",
 *    or "force" with `force: true`). A "create" that finds the branch already exists (another
 *    writer won the race) re-tries as a fast-forward update, which GitHub only accepts if the
 *    existing branch is an ancestor of the new commit, so nobody's work is overwritten.
 * When the new tree equals the base tree, nothing is committed. `message` is final (redacted,
 * with its trailer).
 */
export async function commitFilesWithGitData(
  ctx: HostContext,
  request: CommitFilesRequest,
  message: string,
): Promise<CommitFilesResult> {
  const { branch, parentSha } = request;
  const op = (what: string, extra: Partial<HostOperation> = {}): HostOperation => ({
    what: `${what} for ${branch}`,
    permission: CONTENTS,
    ...extra,
  });

  const baseTreeSha =
    request.baseTreeSha ??
    (
      await requestHost(
        ctx,
        op("read the parent commit", {
          notFoundHint: `The commit ${parentSha} does not exist; read the branch again and retry.`,
        }),
        "GET /repos/{owner}/{repo}/git/commits/{commit_sha}",
        { commit_sha: parentSha },
        gitCommitSchema,
      )
    ).data.tree.sha;

  const entries = [
    ...request.files.map((f) => ({ path: f.path, mode: "100644", type: "blob", content: f.content })),
    ...(request.deletions ?? []).map((path) => ({ path, mode: "100644", type: "blob", sha: null })),
  ];
  const tree = await requestHost(
    ctx,
    op("create the file tree", {
      validationHints: [
        {
          match: /./,
          hint: "A path may be invalid, or a file to delete is not in the base tree: read the branch again and retry.",
        },
      ],
    }),
    "POST /repos/{owner}/{repo}/git/trees",
    { base_tree: baseTreeSha, tree: entries },
    gitTreeSchema,
  );
  if (tree.data.sha === baseTreeSha) return { commitSha: parentSha, treeSha: baseTreeSha, committed: false };

  const commit = await requestHost(
    ctx,
    op("create the commit"),
    "POST /repos/{owner}/{repo}/git/commits",
    {
      message,
      tree: tree.data.sha,
      parents: [parentSha],
    },
    gitCommitSchema,
  );
  const commitSha = commit.data.sha;
  const result = { commitSha, treeSha: tree.data.sha, committed: true };

  const moveBranch = (force: boolean) =>
    requestHost(
      ctx,
      op(force ? "force-update the branch" : "update the branch", {
        notFoundHint: `The branch ${branch} does not exist (any more); create it instead.`,
        validationHints: [
          {
            match: /fast.forward/i,
            reason: "conflict",
            hint: `${branch} has commits this run did not start from (someone pushed meanwhile); read the branch again, or rerun with --force to replace them.`,
          },
          {
            match: /does not exist/i,
            reason: "not-found",
            hint: `The branch ${branch} does not exist (any more); create it instead.`,
          },
        ],
      }),
      "PATCH /repos/{owner}/{repo}/git/refs/{ref}",
      { ref: `heads/${branch}`, sha: commitSha, force },
      gitRefSchema,
    );

  if (request.refUpdate !== "create") {
    await moveBranch(request.refUpdate === "force");
    return result;
  }
  try {
    await requestHost(
      ctx,
      op("create the branch", {
        validationHints: [
          { match: /already exists/i, reason: "conflict", hint: "The branch was created meanwhile." },
        ],
      }),
      "POST /repos/{owner}/{repo}/git/refs",
      { ref: `refs/heads/${branch}`, sha: commitSha },
      gitRefSchema,
    );
  } catch (error) {
    if (!(error instanceof GitHostError && error.reason === "conflict")) throw error;
    await moveBranch(false);
  }
  return result;
}
