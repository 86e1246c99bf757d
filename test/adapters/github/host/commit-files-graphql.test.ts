import { Octokit } from "@octokit/rest";
import nock from "nock";
import { describe, expect, it } from "vitest";
import { createGithubHost } from "../../../../src/adapters/github/create-github-host.js";
import type { CommitFilesRequest, GitHost } from "../../../../src/ports/git-host.js";
import { API, BOT, makeTestHost, REPO, rejectionOf, sha } from "./make-test-host.js";

const PARENT = sha("a");
const BASE_TREE = sha("b");
const NEW_TREE = sha("c");
const COMMIT = sha("d");
const BRANCH = "specwright/spec-login";
const REPO_ID = "R_kgDOWidgets";

type GraphqlBody = { query: string; variables: Record<string, unknown> };

/** Records the body of every GraphQL request an interceptor answers. */
function recorder() {
  const bodies: GraphqlBody[] = [];
  return {
    bodies,
    match: (operation: string) => (body: GraphqlBody) => {
      if (!body.query.includes(operation)) return false;
      bodies.push(body);
      return true;
    },
  };
}

const committed = (oid = COMMIT, tree = NEW_TREE) => ({ commit: { oid, tree: { oid: tree } } });
const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

const update: CommitFilesRequest = {
  branch: BRANCH,
  parentSha: PARENT,
  baseTreeSha: BASE_TREE,
  files: [
    { path: "specs/login.md", content: "# Login\n" },
    { path: "specs/README.md", content: "Index ✓\n" },
  ],
  deletions: ["specs/old.md"],
  message: "Add the login spec\n\nWhy: the issue asked for it.",
  runId: "job-7",
  refUpdate: "fast-forward",
};

/** A host that already read the branch heads, so it knows the repository's node id. */
async function hostWithNodeId(): Promise<GitHost> {
  const scope = nock(API)
    .post("/graphql", (b: GraphqlBody) => b.query.includes("SpecwrightBranchHeads"))
    .reply(200, {
      data: {
        repository: { id: REPO_ID, b0: { target: { oid: PARENT, tree: { oid: BASE_TREE } } }, b1: null },
      },
    });
  const host = makeTestHost();
  await host.getBranchHeads(["main", BRANCH]);
  expect(scope.isDone()).toBe(true);
  return host;
}

describe("GitHost.commitFiles through GraphQL (createCommitOnBranch)", () => {
  it("commits on an existing branch in ONE request: base64 contents, deletions, the trailer, and the expected head", async () => {
    const seen = recorder();
    const scope = nock(API)
      .post("/graphql", seen.match("SpecwrightCommit("))
      .reply(200, { data: { createCommitOnBranch: committed() } });

    const result = await makeTestHost().commitFiles(update);

    expect(result).toEqual({ commitSha: COMMIT, treeSha: NEW_TREE, committed: true });
    expect(scope.isDone()).toBe(true);
    const [body] = seen.bodies;
    expect(body?.query).toMatch(/mutation SpecwrightCommit\(\$commit: CreateCommitOnBranchInput!\)/);
    expect(body?.query).not.toContain("createRef");
    expect(body?.variables).toEqual({
      commit: {
        branch: { repositoryNameWithOwner: "acme/widgets", branchName: BRANCH },
        message: {
          headline: "Add the login spec",
          body: "Why: the issue asked for it.\n\nSpecwright-Run: job-7",
        },
        fileChanges: {
          additions: [
            { path: "specs/login.md", contents: b64("# Login\n") },
            { path: "specs/README.md", contents: b64("Index ✓\n") },
          ],
          deletions: [{ path: "specs/old.md" }],
        },
        expectedHeadOid: PARENT,
      },
    });
  });

  it("sends 25 files in that one request", async () => {
    const seen = recorder();
    const scope = nock(API)
      .post("/graphql", seen.match("createCommitOnBranch"))
      .once()
      .reply(200, { data: { createCommitOnBranch: committed() } });
    const files = Array.from({ length: 25 }, (_, i) => ({ path: `specs/s${i}.md`, content: `spec ${i}` }));
    await makeTestHost().commitFiles({ ...update, files, deletions: [] });
    const additions = (seen.bodies[0]?.variables.commit as { fileChanges: { additions: unknown[] } })
      .fileChanges.additions;
    expect(additions).toHaveLength(25);
    expect(scope.isDone()).toBe(true);
  });

  it("creates the branch at the parent and commits on it in ONE request once the branch heads were read", async () => {
    const host = await hostWithNodeId();
    const seen = recorder();
    const scope = nock(API)
      .post("/graphql", seen.match("SpecwrightCreateBranchAndCommit"))
      .reply(200, {
        data: { createRef: { ref: { name: `refs/heads/${BRANCH}` } }, createCommitOnBranch: committed() },
      });

    const result = await host.commitFiles({ ...update, deletions: [], refUpdate: "create" });

    expect(result).toEqual({ commitSha: COMMIT, treeSha: NEW_TREE, committed: true });
    expect(scope.isDone()).toBe(true);
    const [body] = seen.bodies;
    // createRef runs first (mutation fields run in order), then the commit on top of the same parent.
    expect(body?.query.indexOf("createRef(")).toBeLessThan(body?.query.indexOf("createCommitOnBranch(") ?? 0);
    expect(body?.variables.ref).toEqual({ repositoryId: REPO_ID, name: `refs/heads/${BRANCH}`, oid: PARENT });
    expect(body?.variables.commit).toMatchObject({ expectedHeadOid: PARENT });
  });

  it("commits on a branch another writer created meanwhile at the same parent (createRef fails, the commit lands)", async () => {
    const host = await hostWithNodeId();
    const scope = nock(API)
      .post("/graphql")
      .reply(200, {
        data: { createRef: null, createCommitOnBranch: committed() },
        errors: [
          {
            type: "UNPROCESSABLE",
            path: ["createRef"],
            message: `A ref named "refs/heads/${BRANCH}" already exists in the repository.`,
          },
        ],
      });
    const result = await host.commitFiles({ ...update, refUpdate: "create" });
    expect(result.commitSha).toBe(COMMIT);
    expect(scope.isDone()).toBe(true);
  });

  it("commits once more on its own when the branch it just created was not visible to the commit yet", async () => {
    const host = await hostWithNodeId();
    const seen = recorder();
    const scope = nock(API)
      .post("/graphql", seen.match("SpecwrightCreateBranchAndCommit"))
      .reply(200, {
        data: { createRef: { ref: { name: `refs/heads/${BRANCH}` } }, createCommitOnBranch: null },
        errors: [
          { type: "NOT_FOUND", path: ["createCommitOnBranch"], message: "Could not resolve to a Ref." },
        ],
      })
      .post("/graphql", seen.match("SpecwrightCommit("))
      .reply(200, { data: { createCommitOnBranch: committed() } });
    const result = await host.commitFiles({ ...update, refUpdate: "create" });
    expect(result.commitSha).toBe(COMMIT);
    expect(
      seen.bodies.map((b) => (b.variables.commit as { expectedHeadOid: string }).expectedHeadOid),
    ).toEqual([PARENT, PARENT]);
    expect(scope.isDone()).toBe(true);
  });

  it("reports the branch creation's error when neither the branch nor the commit could be made", async () => {
    const host = await hostWithNodeId();
    const scope = nock(API)
      .post("/graphql")
      .reply(200, {
        data: { createRef: null, createCommitOnBranch: null },
        errors: [
          { type: "FORBIDDEN", path: ["createRef"], message: "Resource not accessible by integration" },
          { type: "NOT_FOUND", path: ["createCommitOnBranch"], message: "Could not resolve to a Ref." },
        ],
      });
    const error = await rejectionOf(host.commitFiles({ ...update, refUpdate: "create" }));
    expect(error).toMatchObject({
      name: "GitHostError",
      reason: "permission",
      githubMessage: "Resource not accessible by integration",
    });
    expect(error.message).toContain(`create the branch for ${BRANCH}`);
    expect(error.hint).toMatch(/"Contents: write" permission/);
    expect(scope.isDone()).toBe(true);
  });

  it("reports a branch that moved since the parent (someone pushed) as a conflict suggesting --force, like a refused fast-forward", async () => {
    const message = `Expected branch to point to "${PARENT}" but it did not.  Pull and try again.`;
    const scope = nock(API)
      .post("/graphql")
      .reply(200, {
        data: { createCommitOnBranch: null },
        errors: [{ type: "STALE_DATA", path: ["createCommitOnBranch"], locations: [], message }],
      });
    const error = await rejectionOf(makeTestHost().commitFiles(update));
    expect(error).toMatchObject({ name: "GitHostError", reason: "conflict", githubMessage: message });
    expect(error.hint).toMatch(/someone pushed meanwhile.*--force/);
    expect(scope.isDone()).toBe(true);
  });

  it("never uses GraphQL for --force (it must replace commits; createCommitOnBranch only appends)", async () => {
    const scope = nock(API)
      .post(`${REPO}/git/trees`)
      .reply(201, { sha: NEW_TREE })
      .post(`${REPO}/git/commits`, (b: { parents: string[] }) => b.parents[0] === PARENT)
      .reply(201, { sha: COMMIT, tree: { sha: NEW_TREE } })
      .patch(`${REPO}/git/refs/heads%2Fspecwright%2Fspec-login`, { sha: COMMIT, force: true })
      .reply(200, { ref: `refs/heads/${BRANCH}`, object: { sha: COMMIT } });
    await makeTestHost().commitFiles({ ...update, deletions: [], refUpdate: "force" });
    expect(scope.isDone()).toBe(true);
  });

  it("falls back to the REST Git Data API where GraphQL lacks createCommitOnBranch, and stays there", async () => {
    const host = makeTestHost();
    const rest = (commit: string) =>
      nock(API)
        .post(`${REPO}/git/trees`)
        .reply(201, { sha: NEW_TREE })
        .post(`${REPO}/git/commits`)
        .reply(201, { sha: commit, tree: { sha: NEW_TREE } })
        .patch(`${REPO}/git/refs/heads%2Fspecwright%2Fspec-login`, { sha: commit, force: false })
        .reply(200, { ref: `refs/heads/${BRANCH}`, object: { sha: commit } });
    const graphql = nock(API)
      .post("/graphql")
      .once()
      .reply(200, {
        errors: [
          {
            extensions: { code: "undefinedField", typeName: "Mutation", fieldName: "createCommitOnBranch" },
            message: "Field 'createCommitOnBranch' doesn't exist on type 'Mutation'",
          },
        ],
      });
    const first = rest(sha("1"));
    expect((await host.commitFiles(update)).commitSha).toBe(sha("1"));
    const second = rest(sha("2"));
    expect((await host.commitFiles({ ...update, parentSha: sha("1") })).commitSha).toBe(sha("2"));
    expect(graphql.isDone()).toBe(true);
    expect(first.isDone()).toBe(true);
    expect(second.isDone()).toBe(true);
  });

  it("sends GraphQL to /api/graphql on GitHub Enterprise Server", async () => {
    const quiet = () => undefined;
    const host = createGithubHost({
      octokit: new Octokit({
        auth: "test-token",
        baseUrl: "https://ghe.example.com/api/v3",
        log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
      }),
      owner: "acme",
      repo: "widgets",
      botLogin: BOT,
    });
    const scope = nock("https://ghe.example.com")
      .post("/api/graphql")
      .reply(200, { data: { createCommitOnBranch: committed() } });
    expect((await host.commitFiles(update)).commitSha).toBe(COMMIT);
    expect(scope.isDone()).toBe(true);
  });

  it("redacts secrets from the message before sending it", async () => {
    const seen = recorder();
    const scope = nock(API)
      .post("/graphql", seen.match("createCommitOnBranch"))
      .reply(200, { data: { createCommitOnBranch: committed() } });
    await makeTestHost({ GATEWAY_KEY: "gw-secret-value-123456" }).commitFiles({
      ...update,
      message: "Add the spec\n\nThe gateway said gw-secret-value-123456",
    });
    expect(JSON.stringify(seen.bodies)).not.toContain("gw-secret-value-123456");
    expect(scope.isDone()).toBe(true);
  });
});
