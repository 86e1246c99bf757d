import nock from "nock";
import { describe, expect, it } from "vitest";
import { API, makeTestHost, REPO, rejectionOf, sha } from "./make-test-host.js";

const PARENT = sha("a");
const BASE_TREE = sha("b");
const NEW_TREE = sha("c");
const COMMIT = sha("d");

// The REST Git Data API path: "force", "create" before getBranchHeads gave the repository's node
// id, and servers without GraphQL's createCommitOnBranch. The GraphQL path: commit-files-graphql.test.ts.
describe("GitHost.commitFiles through the Git Data API", () => {
  it("creates a new branch the host knows no node id for: one tree with inline contents, one commit, one ref", async () => {
    const scope = nock(API)
      .post(`${REPO}/git/trees`, {
        base_tree: BASE_TREE,
        tree: [
          { path: "specs/login.md", mode: "100644", type: "blob", content: "# Login\n" },
          { path: "specs/README.md", mode: "100644", type: "blob", content: "Index ✓\n" },
          { path: "specs/old.md", mode: "100644", type: "blob", sha: null },
        ],
      })
      .reply(201, { sha: NEW_TREE, url: "https://api.github.com/x", tree: [] })
      .post(`${REPO}/git/commits`, {
        message: "Add the login spec\n\nSpecwright-Run: job-7",
        tree: NEW_TREE,
        parents: [PARENT],
      })
      .reply(201, {
        sha: COMMIT,
        tree: { sha: NEW_TREE },
        html_url: "https://github.com/acme/widgets/commit/d",
      })
      .post(`${REPO}/git/refs`, { ref: "refs/heads/specwright/spec-login", sha: COMMIT })
      .reply(201, { ref: "refs/heads/specwright/spec-login", object: { sha: COMMIT, type: "commit" } });

    const result = await makeTestHost().commitFiles({
      branch: "specwright/spec-login",
      parentSha: PARENT,
      baseTreeSha: BASE_TREE,
      files: [
        { path: "specs/login.md", content: "# Login\n" },
        { path: "specs/README.md", content: "Index ✓\n" },
      ],
      deletions: ["specs/old.md"],
      message: "Add the login spec",
      runId: "job-7",
      refUpdate: "create",
    });

    expect(result).toEqual({ commitSha: COMMIT, treeSha: NEW_TREE, committed: true });
    expect(scope.isDone()).toBe(true);
  });

  it("sends 25 files in ONE tree request (a forced rewrite)", async () => {
    const files = Array.from({ length: 25 }, (_, i) => ({ path: `specs/s${i}.md`, content: `spec ${i}` }));
    let treeEntries: unknown[] = [];
    const scope = nock(API)
      .post(`${REPO}/git/trees`, (body: { tree: unknown[] }) => {
        treeEntries = body.tree;
        return true;
      })
      .once()
      .reply(201, { sha: NEW_TREE })
      .post(`${REPO}/git/commits`)
      .reply(201, { sha: COMMIT, tree: { sha: NEW_TREE } })
      .patch(`${REPO}/git/refs/heads%2Fspecwright%2Fsystem-specs`, { sha: COMMIT, force: true })
      .reply(200, { ref: "refs/heads/specwright/system-specs", object: { sha: COMMIT } });

    await makeTestHost().commitFiles({
      branch: "specwright/system-specs",
      parentSha: PARENT,
      baseTreeSha: BASE_TREE,
      files,
      message: "Update system specs",
      refUpdate: "force",
    });
    expect(treeEntries).toHaveLength(25);
    expect(scope.isDone()).toBe(true);
  });

  it("updates an existing branch, reading the parent's tree when no base tree is given", async () => {
    const scope = nock(API)
      .get(`${REPO}/git/commits/${PARENT}`)
      .reply(200, { sha: PARENT, tree: { sha: BASE_TREE } })
      .post(`${REPO}/git/trees`, {
        base_tree: BASE_TREE,
        tree: [{ path: "a.md", mode: "100644", type: "blob", content: "A" }],
      })
      .reply(201, { sha: NEW_TREE })
      .post(`${REPO}/git/commits`, { message: "Phase 1", tree: NEW_TREE, parents: [PARENT] })
      .reply(201, { sha: COMMIT, tree: { sha: NEW_TREE } })
      .patch(`${REPO}/git/refs/heads%2Fspecwright%2Fsystem-specs`, { sha: COMMIT, force: true })
      .reply(200, { ref: "refs/heads/specwright/system-specs", object: { sha: COMMIT } });

    const result = await makeTestHost().commitFiles({
      branch: "specwright/system-specs",
      parentSha: PARENT,
      files: [{ path: "a.md", content: "A" }],
      message: "Phase 1",
      refUpdate: "force",
    });
    expect(result.commitSha).toBe(COMMIT);
    expect(scope.isDone()).toBe(true);
  });

  it("falls back to a fast-forward update when the branch was created meanwhile", async () => {
    const scope = nock(API)
      .post(`${REPO}/git/trees`)
      .reply(201, { sha: NEW_TREE })
      .post(`${REPO}/git/commits`)
      .reply(201, { sha: COMMIT, tree: { sha: NEW_TREE } })
      .post(`${REPO}/git/refs`)
      .reply(422, {
        message: "Reference already exists",
        documentation_url: "https://docs.github.com/rest/git/refs",
      })
      .patch(`${REPO}/git/refs/heads%2Fspecwright%2Fspec-login`, { sha: COMMIT, force: false })
      .reply(200, { ref: "refs/heads/specwright/spec-login", object: { sha: COMMIT } });

    const result = await makeTestHost().commitFiles({
      branch: "specwright/spec-login",
      parentSha: PARENT,
      baseTreeSha: BASE_TREE,
      files: [{ path: "specs/login.md", content: "x" }],
      message: "Add",
      refUpdate: "create",
    });
    expect(result.committed).toBe(true);
    expect(scope.isDone()).toBe(true);
  });

  it("reports a refused fast-forward as a conflict that suggests --force (a server without createCommitOnBranch)", async () => {
    const scope = nock(API)
      .post("/graphql")
      .reply(200, { errors: [{ message: "Field 'createCommitOnBranch' doesn't exist on type 'Mutation'" }] })
      .post(`${REPO}/git/trees`)
      .reply(201, { sha: NEW_TREE })
      .post(`${REPO}/git/commits`)
      .reply(201, { sha: COMMIT, tree: { sha: NEW_TREE } })
      .patch(`${REPO}/git/refs/heads%2Fspecwright%2Fspec-login`)
      .reply(422, { message: "Update is not a fast forward" });

    const error = await rejectionOf(
      makeTestHost().commitFiles({
        branch: "specwright/spec-login",
        parentSha: PARENT,
        baseTreeSha: BASE_TREE,
        files: [{ path: "specs/login.md", content: "x" }],
        message: "Add",
        refUpdate: "fast-forward",
      }),
    );
    expect(error).toMatchObject({
      name: "GitHostError",
      reason: "conflict",
      status: 422,
      githubMessage: "Update is not a fast forward",
    });
    expect(error.hint).toMatch(/--force/);
    expect(scope.isDone()).toBe(true);
  });

  it("writes nothing when the new tree equals the base tree", async () => {
    const scope = nock(API).post(`${REPO}/git/trees`).reply(201, { sha: BASE_TREE });
    const result = await makeTestHost().commitFiles({
      branch: "specwright/spec-login",
      parentSha: PARENT,
      baseTreeSha: BASE_TREE,
      files: [{ path: "specs/login.md", content: "same" }],
      message: "Add",
      refUpdate: "force",
    });
    expect(result).toEqual({ commitSha: PARENT, treeSha: BASE_TREE, committed: false });
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    [
      "a path leaving the repository",
      { files: [{ path: "../etc/passwd", content: "" }] },
      /not a repository-relative/,
    ],
    ["an absolute path", { files: [{ path: "/specs/a.md", content: "" }] }, /not a repository-relative/],
    ["a .git path", { deletions: [".git/config"] }, /not a repository-relative/],
    ["a path written twice", { files: [{ path: "a.md", content: "1" }], deletions: ["a.md"] }, /twice/],
    ["a bad branch name", { branch: "specwright/../main" }, /not a valid branch name/],
    ["a branch with a space", { branch: "spec login" }, /not a valid branch name/],
    ["an empty message", { message: "  " }, /message is empty/],
  ])("refuses %s before any request", async (_label, change, message) => {
    const error = await rejectionOf(
      makeTestHost().commitFiles({
        branch: "specwright/spec-login",
        parentSha: PARENT,
        baseTreeSha: BASE_TREE,
        files: [],
        message: "Add",
        refUpdate: "create",
        ...change,
      }),
    );
    expect(error).toMatchObject({ name: "GitHostError", reason: "invalid-request" });
    expect(error.message).toMatch(message);
  });
});
