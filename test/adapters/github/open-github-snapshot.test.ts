import { Octokit } from "@octokit/rest";
import nock from "nock";
import { describe, expect, it } from "vitest";
import { openGithubSnapshot } from "../../../src/adapters/github/open-github-snapshot.js";
import { PathEscapeError, SnapshotError } from "../../../src/core/errors.js";

const API = "https://api.github.com";
const REPO = "/repos/acme/widgets";
const COMMIT = "6dcb09b5b57875f334f61aebed695e2e4193db5e";
const TREE = "9fb037999f264ba9a7fc6274d15fa3ae2ab98312";

/** Deterministic fake object ids: `sha("readme")` → 40 hex digits. */
function sha(seed: string): string {
  let hex = "";
  for (let i = 0; hex.length < 40; i++)
    hex += ((seed.charCodeAt(i % seed.length) * (i + 7)) % 256).toString(16).padStart(2, "0");
  return hex.slice(0, 40);
}

interface FixtureEntry {
  path: string;
  mode: string;
  type: "blob" | "tree" | "commit";
  sha: string;
  size?: number;
}

const blobEntry = (path: string, content: Buffer | string, mode = "100644"): FixtureEntry => ({
  path,
  mode,
  type: "blob",
  sha: sha(path),
  size: Buffer.byteLength(content),
});

/** A `GET …/git/trees/{sha}?recursive=1` body shaped like GitHub's. */
function treeBody(entries: readonly FixtureEntry[], truncated = false) {
  return {
    sha: TREE,
    url: `${API}${REPO}/git/trees/${TREE}`,
    tree: entries.map((e) => ({
      ...e,
      url: `${API}${REPO}/git/${e.type === "tree" ? "trees" : "blobs"}/${e.sha}`,
    })),
    truncated,
  };
}

/** A `GET …/git/blobs/{sha}` body: base64 wrapped at 60 characters, as GitHub sends it. */
function blobBody(blobSha: string, content: Buffer | string) {
  const bytes = Buffer.from(content);
  return {
    sha: blobSha,
    node_id: `B_kwDOA${blobSha.slice(0, 12)}`,
    size: bytes.length,
    url: `${API}${REPO}/git/blobs/${blobSha}`,
    content: (bytes.toString("base64").match(/.{1,60}/g) ?? []).join("\n") + "\n",
    encoding: "base64",
  };
}

const octokit = () => new Octokit({ auth: "test-token", request: { retries: 0 } });

const README = "# Widgets\n\nA widget service.\n";
const SPEC = "## 1. Scope\n\nBilling runs nightly — in UTC.\n";
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
const BASIC_TREE: FixtureEntry[] = [
  blobEntry("README.md", README),
  { path: "docs", mode: "040000", type: "tree", sha: sha("docs") },
  { path: "docs/specs", mode: "040000", type: "tree", sha: sha("docs/specs") },
  blobEntry("docs/specs/billing.md", SPEC),
  blobEntry("assets/logo.png", PNG),
  { ...blobEntry("scripts/run.sh", "#!/bin/sh\n", "100755") },
  { path: "data/dump.sql", mode: "100644", type: "blob", sha: sha("dump"), size: 50 * 1024 * 1024 },
  { path: "vendor/engine", mode: "160000", type: "commit", sha: sha("submodule") },
];

/** Interceptors for resolving `feature/login` and listing the basic tree. */
function mockCommitAndTree(entries: readonly FixtureEntry[] = BASIC_TREE, truncated = false) {
  return nock(API)
    .get(`${REPO}/commits/feature%2Flogin`)
    .matchHeader("accept", "application/vnd.github.v3.sha")
    .matchHeader("authorization", "token test-token")
    .reply(200, COMMIT, { "content-type": "application/vnd.github.sha; charset=utf-8" })
    .get(`${REPO}/git/trees/${COMMIT}`)
    .query({ recursive: "1" })
    .reply(200, treeBody(entries, truncated));
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a rejection");
}

describe("openGithubSnapshot", () => {
  it("resolves the ref, lists the whole tree in one request and fetches no blob for listing", async () => {
    const scope = mockCommitAndTree();
    const snapshot = await openGithubSnapshot({
      octokit: octokit(),
      owner: "acme",
      repo: "widgets",
      ref: "feature/login",
    });
    expect(snapshot.sha).toBe(COMMIT);
    expect(snapshot.label).toBe("acme/widgets@6dcb09b");
    const files = await snapshot.listFiles();
    expect(files).toEqual([
      { path: "README.md", size: README.length },
      { path: "assets/logo.png", size: PNG.length },
      { path: "data/dump.sql", size: 50 * 1024 * 1024 },
      { path: "docs/specs/billing.md", size: Buffer.byteLength(SPEC) },
      { path: "scripts/run.sh", size: 10 },
    ]);
    expect(await snapshot.listFiles()).toBe(files);
    expect(scope.isDone()).toBe(true);
  });

  it("fetches a blob only when read, once, and decodes it as UTF-8", async () => {
    const specSha = sha("docs/specs/billing.md");
    const scope = mockCommitAndTree().get(`${REPO}/git/blobs/${specSha}`).reply(200, blobBody(specSha, SPEC));
    const snapshot = await openGithubSnapshot({
      octokit: octokit(),
      owner: "acme",
      repo: "widgets",
      ref: "feature/login",
    });
    const expected = {
      kind: "text",
      path: "docs/specs/billing.md",
      text: SPEC,
      size: Buffer.byteLength(SPEC),
    };
    const [first, concurrent] = await Promise.all([
      snapshot.readFile("docs/specs/billing.md"),
      snapshot.readFile("./docs//specs/billing.md"),
    ]);
    expect(first).toEqual(expected);
    expect(concurrent).toEqual(expected);
    expect(await snapshot.readFile("docs\\specs\\billing.md")).toEqual(expected);
    expect(scope.isDone()).toBe(true);
  });

  it("reports an oversized file without requesting its blob", async () => {
    const scope = mockCommitAndTree(); // no blob interceptor: a blob request would fail the read
    const snapshot = await openGithubSnapshot({
      octokit: octokit(),
      owner: "acme",
      repo: "widgets",
      ref: "feature/login",
      limits: { maxFileBytes: 10 },
    });
    expect(await snapshot.readFile("data/dump.sql")).toEqual({
      kind: "too-large",
      path: "data/dump.sql",
      size: 50 * 1024 * 1024,
      limit: 10,
    });
    expect(await snapshot.readFile("README.md")).toEqual({
      kind: "too-large",
      path: "README.md",
      size: README.length,
      limit: 10,
    });
    expect(scope.isDone()).toBe(true);
  });

  it("reports binary content, and missing paths, directories and submodules as missing", async () => {
    const logoSha = sha("assets/logo.png");
    const scope = mockCommitAndTree().get(`${REPO}/git/blobs/${logoSha}`).reply(200, blobBody(logoSha, PNG));
    const snapshot = await openGithubSnapshot({
      octokit: octokit(),
      owner: "acme",
      repo: "widgets",
      ref: "feature/login",
    });
    expect(await snapshot.readFile("assets/logo.png")).toEqual({
      kind: "binary",
      path: "assets/logo.png",
      size: PNG.length,
    });
    for (const path of ["nope.md", "docs/specs", "vendor/engine"]) {
      expect(await snapshot.readFile(path)).toEqual({ kind: "missing", path });
    }
    expect(scope.isDone()).toBe(true);
  });

  it("uses a full commit SHA as-is, without resolving it", async () => {
    const scope = nock(API)
      .get(`${REPO}/git/trees/${COMMIT}`)
      .query({ recursive: "1" })
      .reply(200, treeBody([blobEntry("README.md", README)]));
    const snapshot = await openGithubSnapshot({
      octokit: octokit(),
      owner: "acme",
      repo: "widgets",
      ref: COMMIT.toUpperCase(),
    });
    expect(snapshot.sha).toBe(COMMIT);
    expect(await snapshot.listFiles()).toEqual([{ path: "README.md", size: README.length }]);
    expect(scope.isDone()).toBe(true);
  });

  it("refuses paths that leave the repository before making any request", async () => {
    const scope = nock(API)
      .get(`${REPO}/commits/main`)
      .reply(200, COMMIT, { "content-type": "text/plain; charset=utf-8" });
    const snapshot = await openGithubSnapshot({
      octokit: octokit(),
      owner: "acme",
      repo: "widgets",
      ref: "main",
    });
    for (const path of ["../other-repo/secrets.env", "/etc/passwd", "C:\\boot.ini"]) {
      await expect(snapshot.readFile(path)).rejects.toBeInstanceOf(PathEscapeError);
    }
    expect(scope.isDone()).toBe(true);
  });

  it("lists a symlink inside the repository as its target and refuses one that escapes", async () => {
    const specSha = sha("docs/specs/billing.md");
    const entries: FixtureEntry[] = [
      blobEntry("docs/specs/billing.md", SPEC),
      blobEntry("docs/current.md", "specs/billing.md", "120000"),
      blobEntry("passwd", "../../etc/passwd", "120000"),
      blobEntry("docs/hosts", "/etc/hosts", "120000"),
    ];
    const scope = mockCommitAndTree(entries)
      .get(`${REPO}/git/blobs/${sha("docs/current.md")}`)
      .reply(200, blobBody(sha("docs/current.md"), "specs/billing.md"))
      .get(`${REPO}/git/blobs/${sha("passwd")}`)
      .reply(200, blobBody(sha("passwd"), "../../etc/passwd"))
      .get(`${REPO}/git/blobs/${sha("docs/hosts")}`)
      .reply(200, blobBody(sha("docs/hosts"), "/etc/hosts"))
      .get(`${REPO}/git/blobs/${specSha}`)
      .reply(200, blobBody(specSha, SPEC));
    const snapshot = await openGithubSnapshot({
      octokit: octokit(),
      owner: "acme",
      repo: "widgets",
      ref: "feature/login",
    });
    expect(await snapshot.listFiles()).toEqual([
      { path: "docs/current.md", size: Buffer.byteLength(SPEC) },
      { path: "docs/specs/billing.md", size: Buffer.byteLength(SPEC) },
    ]);
    expect(await snapshot.readFile("docs/current.md")).toMatchObject({
      kind: "text",
      path: "docs/current.md",
      text: SPEC,
    });
    expect(await snapshot.readFile("docs/specs/billing.md")).toMatchObject({ kind: "text", text: SPEC });
    const escaped = await rejection(snapshot.readFile("passwd"));
    expect(escaped).toBeInstanceOf(PathEscapeError);
    expect(escaped.message).toBe(
      'Refused path "passwd": it is a symlink to "../../etc/passwd", outside the repository',
    );
    await expect(snapshot.readFile("docs/hosts")).rejects.toThrow(/symlink to "\/etc\/hosts"/);
    expect(scope.isDone()).toBe(true);
  });

  it("stops with a SnapshotError when GitHub truncates the tree", async () => {
    const scope = mockCommitAndTree(BASIC_TREE, true);
    const snapshot = await openGithubSnapshot({
      octokit: octokit(),
      owner: "acme",
      repo: "widgets",
      ref: "feature/login",
    });
    const error = await rejection(snapshot.listFiles());
    expect(error).toBeInstanceOf(SnapshotError);
    expect(error.message).toMatch(/too large for one tree request/);
    expect((error as SnapshotError).hint).toMatch(/local checkout/);
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    [
      "an unknown ref (404)",
      404,
      {
        message: "No commit found for SHA: feature/login",
        documentation_url: "https://docs.github.com/rest",
      },
      {},
      /could not find the ref "feature\/login" in acme\/widgets \(HTTP 404\)/,
      /"feature\/login" is a branch, tag or commit/,
    ],
    [
      "a ref GitHub cannot parse (422)",
      422,
      {
        message: "No commit found for SHA: feature/login",
        documentation_url: "https://docs.github.com/rest",
      },
      {},
      /HTTP 422/,
      /branch, tag or commit/,
    ],
    [
      "the primary rate limit (403)",
      403,
      {
        message: "API rate limit exceeded for installation ID 42.",
        documentation_url: "https://docs.github.com/rest",
      },
      { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1767225600" },
      /rate limit was reached/,
      /Try again after 2026-01-01T00:00:00.000Z/,
    ],
    [
      "missing permissions (403)",
      403,
      {
        message: "Resource not accessible by integration",
        documentation_url: "https://docs.github.com/rest",
      },
      { "x-ratelimit-remaining": "4999" },
      /refused access/,
      /read access to the repository's contents/,
    ],
    [
      "bad credentials (401)",
      401,
      { message: "Bad credentials", documentation_url: "https://docs.github.com/rest" },
      {},
      /rejected the credentials/,
      /token/,
    ],
    [
      "an empty repository (409)",
      409,
      { message: "Git Repository is empty.", documentation_url: "https://docs.github.com/rest" },
      {},
      /is empty/,
      /first commit/,
    ],
  ])("turns %s into a SnapshotError with a hint", async (_name, status, body, headers, message, hint) => {
    const scope = nock(API).get(`${REPO}/commits/feature%2Flogin`).reply(status, body, headers);
    const error = await rejection(
      openGithubSnapshot({ octokit: octokit(), owner: "acme", repo: "widgets", ref: "feature/login" }),
    );
    expect(error).toBeInstanceOf(SnapshotError);
    expect(error.message).toMatch(message);
    expect((error as SnapshotError).hint).toMatch(hint);
    expect(error.message).not.toContain("test-token");
    expect(scope.isDone()).toBe(true);
  });

  it("turns a network failure into a SnapshotError", async () => {
    const scope = nock(API).get(`${REPO}/commits/main`).replyWithError("socket hang up");
    const error = await rejection(
      openGithubSnapshot({ octokit: octokit(), owner: "acme", repo: "widgets", ref: "main" }),
    );
    expect(error).toBeInstanceOf(SnapshotError);
    expect(error.message).toMatch(/Could not reach GitHub/);
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    ["a tree without `truncated`", { sha: TREE, tree: [] }, /at "truncated"/],
    [
      "a tree entry with a bad sha",
      {
        sha: TREE,
        truncated: false,
        tree: [{ path: "a.md", mode: "100644", type: "blob", sha: "zz", size: 1 }],
      },
      /at "tree.0.sha"/,
    ],
    ["an HTML error page", "<html>Service unavailable</html>", /unexpected response for the file tree/],
  ])("rejects %s as a malformed response", async (_name, body, message) => {
    const scope = nock(API).get(`${REPO}/git/trees/${COMMIT}`).query({ recursive: "1" }).reply(200, body);
    const snapshot = await openGithubSnapshot({
      octokit: octokit(),
      owner: "acme",
      repo: "widgets",
      ref: COMMIT,
    });
    const error = await rejection(snapshot.listFiles());
    expect(error).toBeInstanceOf(SnapshotError);
    expect(error.message).toMatch(message);
    expect(scope.isDone()).toBe(true);
  });

  it("rejects a blob response in an unknown encoding", async () => {
    const readmeSha = sha("README.md");
    const scope = nock(API)
      .get(`${REPO}/git/trees/${COMMIT}`)
      .query({ recursive: "1" })
      .reply(200, treeBody([blobEntry("README.md", README)]))
      .get(`${REPO}/git/blobs/${readmeSha}`)
      .reply(200, { ...blobBody(readmeSha, README), encoding: "rot13" });
    const snapshot = await openGithubSnapshot({
      octokit: octokit(),
      owner: "acme",
      repo: "widgets",
      ref: COMMIT,
    });
    await expect(snapshot.readFile("README.md")).rejects.toThrow(
      /unexpected response for the blob .* at "encoding"/,
    );
    expect(scope.isDone()).toBe(true);
  });

  it("stops downloading once the total size limit would be passed", async () => {
    const readmeSha = sha("README.md");
    const scope = nock(API)
      .get(`${REPO}/git/trees/${COMMIT}`)
      .query({ recursive: "1" })
      .reply(200, treeBody([blobEntry("README.md", README), blobEntry("docs/specs/billing.md", SPEC)]))
      .get(`${REPO}/git/blobs/${readmeSha}`)
      .reply(200, blobBody(readmeSha, README));
    const snapshot = await openGithubSnapshot({
      octokit: octokit(),
      owner: "acme",
      repo: "widgets",
      ref: COMMIT,
      limits: { maxTotalBytes: README.length + 5 },
    });
    expect(await snapshot.readFile("README.md")).toMatchObject({ kind: "text" });
    await expect(snapshot.readFile("docs/specs/billing.md")).rejects.toThrow(/needs more than 34 bytes/);
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    [
      "an owner with a slash",
      { owner: "acme/evil", repo: "widgets", ref: "main" },
      /not a valid GitHub repository/,
    ],
    ["an empty ref", { owner: "acme", repo: "widgets", ref: "" }, /ref is empty/],
  ])("rejects %s without a request", async (_name, options, message) => {
    await expect(openGithubSnapshot({ octokit: octokit(), ...options })).rejects.toThrow(message);
  });
});
