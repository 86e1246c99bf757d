import type { HostContext } from "./host-context.js";

/** What a host learned about GitHub's GraphQL API during its life (one job). */
export interface GraphqlState {
  /** The repository's node id (read with the branch heads): a commit can then create its branch in the same request. */
  repositoryId?: string;
  /** The server lacks `createCommitOnBranch` (an older GitHub Enterprise Server): commits use the REST Git Data API. */
  commitsUnsupported?: boolean;
  /** The server's GraphQL schema lacks what `getBranchHeads` asks for: branches are read with REST. */
  readsUnsupported?: boolean;
}

const states = new WeakMap<HostContext, GraphqlState>();

/** The mutable GraphQL state of one host. */
export function graphqlState(ctx: HostContext): GraphqlState {
  let state = states.get(ctx);
  if (state === undefined) {
    state = {};
    states.set(ctx, state);
  }
  return state;
}
