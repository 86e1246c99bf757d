import { z } from "zod";
import { GitHostError, type BranchHead } from "../../../ports/git-host.js";
import { checkBranchName } from "./check-host-input.js";
import { graphqlState } from "./graphql-state.js";
import type { HostContext } from "./host-context.js";
import { graphqlProblemError, isSchemaMismatch, requestGraphql } from "./request-graphql.js";

const oid = z.string().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/, "expected a git object id");
const refSchema = z
  .object({ target: z.object({ oid, tree: z.object({ oid }).optional() }) })
  .nullable()
  .optional();

/** The query: the repository's node id and, per branch (aliases `b0`, `b1`…), its head commit and tree. */
function branchHeadsQuery(count: number): string {
  const aliases = Array.from({ length: count }, (_, i) => `b${i}`);
  return [
    `query SpecwrightBranchHeads($owner: String!, $name: String!${aliases.map((a) => `, $${a}: String!`).join("")}) {`,
    "  repository(owner: $owner, name: $name) {",
    "    id",
    ...aliases.map(
      (a) => `    ${a}: ref(qualifiedName: $${a}) { target { oid ... on Commit { tree { oid } } } }`,
    ),
    "  }",
    "}",
  ].join("\n");
}

/**
 * The heads of `branches` (`undefined` for a missing one) in ONE GraphQL request, which also
 * yields the repository's node id (kept, so a later commit can create its branch in the same
 * request as the commit). When the server's GraphQL schema lacks these fields, `readOne` (REST,
 * one request per branch) is used instead, for this host's whole life.
 */
export async function readBranchHeads(
  ctx: HostContext,
  branches: readonly string[],
  readOne: (branch: string) => Promise<BranchHead | undefined>,
): Promise<(BranchHead | undefined)[]> {
  branches.forEach(checkBranchName);
  const state = graphqlState(ctx);
  if (branches.length === 0) return [];
  if (state.readsUnsupported) return Promise.all(branches.map(readOne));

  const op = { what: `read the branches ${branches.join(", ")}`, permission: "Contents: read" };
  const variables: Record<string, string> = { owner: ctx.owner, name: ctx.repo };
  branches.forEach((b, i) => (variables[`b${i}`] = `refs/heads/${b}`));
  const answer = await requestGraphql(ctx, op, branchHeadsQuery(branches.length), variables);
  if (isSchemaMismatch(answer.problems)) {
    state.readsUnsupported = true;
    return Promise.all(branches.map(readOne));
  }
  const [problem] = answer.problems;
  if (problem) throw graphqlProblemError(ctx, op, problem);

  const repository = z
    .object({ id: z.string().min(1) })
    .catchall(z.unknown())
    .safeParse(answer.data.repository);
  const heads = branches.map((_, i) => refSchema.safeParse(repository.data?.[`b${i}`]));
  if (!repository.success || heads.some((h) => !h.success || (h.data && !h.data.target.tree))) {
    throw new GitHostError(
      `Could not ${op.what} in ${ctx.repository}: GitHub's answer was not as expected`,
      "A branch may point to something other than a commit, or a proxy changed the response; retry, and report it if it persists.",
      "unexpected-response",
    );
  }
  state.repositoryId = repository.data.id;
  return heads.map((h) => {
    const target = h.data?.target;
    return target?.tree ? { sha: target.oid, treeSha: target.tree.oid } : undefined;
  });
}
