import {
  GitHostError,
  SPECWRIGHT_RUN_TRAILER,
  type CommitFilesRequest,
  type CommitFilesResult,
} from "../../../ports/git-host.js";
import { redactSecrets } from "../../../core/redact-secrets.js";
import { checkBranchName, checkRepoPath } from "./check-host-input.js";
import { commitFilesWithGraphql } from "./commit-files-graphql.js";
import { commitFilesWithGitData } from "./commit-files-rest.js";
import { graphqlState } from "./graphql-state.js";
import type { HostContext } from "./host-context.js";

function checkRequest(request: CommitFilesRequest): void {
  checkBranchName(request.branch);
  const seen = new Set<string>();
  for (const path of [...request.files.map((f) => f.path), ...(request.deletions ?? [])]) {
    checkRepoPath(path);
    if (seen.has(path)) {
      throw new GitHostError(
        `"${path}" is written or deleted twice in one commit`,
        "Pass each path once, either as a file or as a deletion.",
        "invalid-request",
      );
    }
    seen.add(path);
  }
  if (request.message.trim() === "") {
    throw new GitHostError(
      "The commit message is empty",
      "Pass a message that says what the commit adds.",
      "invalid-request",
    );
  }
}

function withTrailer(message: string, runId: string | undefined): string {
  if (runId === undefined || runId.trim() === "") return message;
  const trailer = `${SPECWRIGHT_RUN_TRAILER}: ${runId.trim()}`;
  return message.includes(trailer) ? message : `${message.trimEnd()}\n\n${trailer}`;
}

/**
 * Writes every file of `request` as ONE commit, choosing the cheapest safe way:
 * - "fast-forward", and "create" once `getBranchHeads` gave the repository's node id: ONE
 *   GraphQL request (`createCommitOnBranch` with `expectedHeadOid: parentSha`, plus `createRef`
 *   for "create"), see `commitFilesWithGraphql`;
 * - "force" (the user's `--force`), "create" without the node id, and servers whose GraphQL
 *   lacks `createCommitOnBranch` (remembered for the host's life): the REST Git Data API, tree +
 *   commit + ref (`commitFilesWithGitData`).
 * Either way a push that lands meanwhile is never overwritten: GitHub refuses the commit (a
 * `conflict`), and only "force" may drop commits. The message is redacted and gets the
 * `Specwright-Run:` trailer when `runId` is given.
 */
export async function commitFiles(ctx: HostContext, request: CommitFilesRequest): Promise<CommitFilesResult> {
  checkRequest(request);
  const message = withTrailer(redactSecrets(request.message, ctx.secretEnv), request.runId);
  const state = graphqlState(ctx);
  const oneRequest =
    request.refUpdate === "fast-forward" ||
    (request.refUpdate === "create" && state.repositoryId !== undefined);
  if (oneRequest && !state.commitsUnsupported) {
    const result = await commitFilesWithGraphql(ctx, request, message);
    if (result !== undefined) return result;
  }
  return commitFilesWithGitData(ctx, request, message);
}
