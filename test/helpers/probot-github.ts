import { createHash } from "node:crypto";
import nock from "nock";
import { BOT, INSTALLATION_ID } from "./probot-test-app.js";

/** The GitHub API origin every app test nocks, and the test repository's path. */
export const GITHUB = "https://api.github.com";
export const OWNER = "orbit";
export const REPO = "books";
export const R = `/repos/${OWNER}/${REPO}`;

/** A deterministic 40-hex object id for a label (`sha("main")`). */
export function sha(label: string): string {
  return createHash("sha1").update(label).digest("hex");
}

/** The default branch's head in every app test, and its tree. */
export const MAIN_SHA = sha("main head");
export const MAIN_TREE = sha("main tree");

const enc = (branch: string) => encodeURIComponent(branch);
type Body = Record<string, unknown>;

/** A comment as the issues API returns it. */
export function apiComment(id: number, body: string, login: string, type = "User") {
  return {
    id,
    body,
    html_url: `https://github.com/${OWNER}/${REPO}/issues/12#issuecomment-${id}`,
    user: { login, type },
    created_at: "2026-11-20T09:00:00Z",
  };
}

/** A pull request as the pulls API returns it. */
export function apiPull(number: number, branch: string, headSha: string, body = "", title = "Spec") {
  return {
    number,
    state: "open",
    html_url: `https://github.com/${OWNER}/${REPO}/pull/${number}`,
    title,
    body,
    head: { ref: branch, sha: headSha, repo: { full_name: `${OWNER}/${REPO}` } },
    base: { ref: "main" },
  };
}

/**
 * nock interceptors for the GitHub requests the app makes, each capturing its request body
 * under a label. `scope` holds the interceptors a test expects to be used (assert
 * `scope.isDone()`); `reads` holds repository content (trees, blobs) and the installation
 * token, which may be read any number of times. `unmatched` lists requests no interceptor
 * answered, so a test can assert the app made no request it did not expect.
 */
export function createGithubMock() {
  const scope = nock(GITHUB);
  const reads = nock(GITHUB).persist();
  const bodies = new Map<string, Body[]>();
  const unmatched: string[] = [];
  const onNoMatch = (req: {
    method?: string;
    path?: string;
    href?: string;
    host?: string;
    hostname?: string;
  }) => {
    const host = `${req.hostname ?? req.host ?? req.href ?? ""}`;
    // Loopback is the test's own webhook server, not GitHub.
    if (/(^|\/\/)(127\.0\.0\.1|localhost)(:|\/|$)/.test(host)) return;
    unmatched.push(`${req.method ?? "?"} ${host} ${req.path ?? "?"}`);
  };
  nock.emitter.on("no match", onNoMatch);
  const capture =
    (label: string, status: number, reply: (body: Body) => unknown) =>
    (_uri: string, body: nock.Body): [number, unknown] => {
      const parsed = (typeof body === "string" && body !== "" ? JSON.parse(body) : body) as Body;
      bodies.set(label, [...(bodies.get(label) ?? []), parsed]);
      return [status, reply(parsed)];
    };
  let nextId = 5000;

  const mock = {
    scope,
    reads,
    unmatched,
    /** Every captured body of a label, in order. */
    all: (label: string): Body[] => bodies.get(label) ?? [],
    /** The one captured body of a label. */
    body(label: string): Body {
      const list = bodies.get(label) ?? [];
      if (list.length !== 1) throw new Error(`expected 1 "${label}" request, got ${list.length}`);
      return list[0] as Body;
    },
    /** Stops listening for unmatched requests. */
    close: () => nock.emitter.removeListener("no match", onNoMatch),

    token() {
      reads.post(`/app/installations/${INSTALLATION_ID}/access_tokens`).reply(201, {
        token: "ghs_testinstallationtoken000000000000",
        expires_at: "2099-01-01T00:00:00Z",
        permissions: { contents: "write", issues: "write", pull_requests: "write", checks: "write" },
      });
      return mock;
    },
    /** `.github/specwright.yml` on the default branch (raw, as the config plugin asks for it); `undefined` → 404 here and in `<owner>/.github`. */
    config(yaml: string | undefined) {
      const path = `${R}/contents/.github%2Fspecwright.yml`;
      if (yaml === undefined) {
        scope.get(path).reply(404, { message: "Not Found" });
        scope
          .get(`/repos/${OWNER}/.github/contents/.github%2Fspecwright.yml`)
          .reply(404, { message: "Not Found" });
      } else
        scope.get(path).reply(200, yaml, { "content-type": "application/vnd.github.v3.raw; charset=utf-8" });
      return mock;
    },
    /** The config through the contents API (base64 JSON), read when validation fails. */
    configText(yaml: string) {
      scope
        .get(`${R}/contents/.github%2Fspecwright.yml`)
        .query({ ref: "main" })
        .reply(200, {
          type: "file",
          encoding: "base64",
          size: yaml.length,
          content: Buffer.from(yaml).toString("base64"),
        });
      return mock;
    },
    permission(login: string, permission: string) {
      scope.get(`${R}/collaborators/${login}/permission`).reply(200, {
        permission: permission === "maintain" ? "write" : permission,
        role_name: permission,
        user: { login },
      });
      return mock;
    },
    /**
     * The steps every admitted `/spec` command takes before its own work: installation token,
     * the sender's permission, 👀 on the comment, and the config from the default branch.
     */
    admittedCommand(
      config: string | undefined,
      options: { login?: string; permission?: string; commentId?: number } = {},
    ) {
      return mock
        .token()
        .permission(options.login ?? "alice-dev", options.permission ?? "write")
        .reactToComment(options.commentId ?? 9001)
        .config(config);
    },
    reactToComment(commentId: number) {
      scope
        .post(`${R}/issues/comments/${commentId}/reactions`)
        .reply(capture(`reaction:${commentId}`, 201, (b) => ({ id: 1, ...b })));
      return mock;
    },
    reactToIssue(issue: number) {
      scope
        .post(`${R}/issues/${issue}/reactions`)
        .reply(capture(`reaction:#${issue}`, 201, (b) => ({ id: 2, ...b })));
      return mock;
    },
    branch(name: string, head: { sha: string; tree: string } | undefined) {
      const s = scope.get(`${R}/branches/${enc(name)}`);
      if (head) s.reply(200, { name, commit: { sha: head.sha, commit: { tree: { sha: head.tree } } } });
      else s.reply(404, { message: "Branch not found" });
      return mock;
    },
    compare(
      base: string,
      branch: string,
      commits: { sha: string; author: string; committer: string; message: string }[],
    ) {
      scope
        .get(`${R}/compare/${base}...${enc(branch)}`)
        .query(true)
        .reply(200, {
          commits: commits.map((c) => ({
            sha: c.sha,
            commit: {
              message: c.message,
              author: { email: `${c.author}@example.com` },
              committer: { email: `${c.committer}@example.com` },
            },
            author: { login: c.author },
            committer: { login: c.committer },
          })),
        });
      return mock;
    },
    /** The repository at `commit`: one recursive tree and a blob per file (readable any number of times). */
    files(commit: string, files: Readonly<Record<string, string>>) {
      const entries = Object.entries(files).map(([path, content]) => ({
        path,
        mode: "100644",
        type: "blob",
        sha: sha(`blob:${content}`),
        size: Buffer.byteLength(content),
      }));
      reads
        .get(`${R}/git/trees/${commit}`)
        .query({ recursive: "1" })
        .reply(200, { sha: commit, tree: entries, truncated: false });
      for (const [, content] of Object.entries(files)) {
        reads.get(`${R}/git/blobs/${sha(`blob:${content}`)}`).reply(200, {
          sha: sha(`blob:${content}`),
          size: Buffer.byteLength(content),
          content: Buffer.from(content).toString("base64"),
          encoding: "base64",
        });
      }
      return mock;
    },
    /** `GET /commits/{ref}` with the sha media type (a snapshot opened on a branch name). */
    resolveRef(ref: string, commit: string) {
      scope
        .get(`${R}/commits/${enc(ref)}`)
        .reply(200, commit, { "content-type": "text/plain; charset=utf-8" });
      return mock;
    },
    /**
     * The run's start: the default branch's and the run branch's heads in ONE GraphQL query
     * (`getBranchHeads`), captured as `heads`. `undefined` → the branch does not exist. A branch
     * the query asks for that is not listed here fails the request.
     */
    heads(branches: Readonly<Record<string, { sha: string; tree: string } | undefined>>) {
      scope
        .post("/graphql", (b: Body) => String(b.query).includes("SpecwrightBranchHeads"))
        .reply(
          capture("heads", 200, (b) => {
            const variables = b.variables as Record<string, string>;
            const repository: Record<string, unknown> = { id: REPO_NODE_ID };
            for (const [alias, ref] of Object.entries(variables)) {
              if (!/^b\d+$/.test(alias)) continue;
              const name = ref.replace(/^refs\/heads\//, "");
              if (!(name in branches)) throw new Error(`unexpected branch in the heads query: ${name}`);
              const head = branches[name];
              repository[alias] = head ? { target: { oid: head.sha, tree: { oid: head.tree } } } : null;
            }
            return { data: { repository } };
          }),
        );
      return mock;
    },
    /**
     * One commit through GraphQL, captured as `commit` (`{ query, variables }`; see
     * `sentCommit`): "create" creates the branch and commits in one request, "update" commits on
     * the existing branch, "rejected" answers as GitHub does when the branch no longer points to
     * `expectedHeadOid` (someone pushed meanwhile).
     */
    commit(branch: string, result: { tree: string; commit: string }, kind: "create" | "update" | "rejected") {
      const operation = kind === "create" ? "SpecwrightCreateBranchAndCommit" : "SpecwrightCommit(";
      scope
        .post("/graphql", (b: Body) => String(b.query).includes(operation))
        .reply(
          capture("commit", 200, (b) => {
            const input = (
              b.variables as { commit: { branch: { branchName: string }; expectedHeadOid: string } }
            ).commit;
            if (input.branch.branchName !== branch) throw new Error(`commit to ${input.branch.branchName}`);
            if (kind === "rejected") {
              return {
                data: { createCommitOnBranch: null },
                errors: [
                  {
                    type: "STALE_DATA",
                    path: ["createCommitOnBranch"],
                    message: `Expected branch to point to "${input.expectedHeadOid}" but it did not.  Pull and try again.`,
                  },
                ],
              };
            }
            const done = { commit: { oid: result.commit, tree: { oid: result.tree } } };
            return {
              data: {
                ...(kind === "create" ? { createRef: { ref: { name: `refs/heads/${branch}` } } } : {}),
                createCommitOnBranch: done,
              },
            };
          }),
        );
      return mock;
    },
    openPulls(branch: string, pulls: unknown[]) {
      scope
        .get(`${R}/pulls`)
        .query({ state: "open", head: `${OWNER}:${branch}`, per_page: "10" })
        .reply(200, pulls);
      return mock;
    },
    createPull(number: number, headSha: string) {
      scope
        .post(`${R}/pulls`)
        .reply(
          capture("pull:create", 201, (b) =>
            apiPull(number, String(b.head), headSha, String(b.body), String(b.title)),
          ),
        );
      return mock;
    },
    updatePull(number: number, branch: string, headSha: string) {
      scope
        .patch(`${R}/pulls/${number}`)
        .reply(
          capture("pull:update", 200, (b) =>
            apiPull(number, branch, headSha, String(b.body), String(b.title)),
          ),
        );
      return mock;
    },
    getPull(number: number, pull: Body) {
      scope.get(`${R}/pulls/${number}`).reply(200, pull as nock.Body);
      return mock;
    },
    pullFiles(number: number, files: { filename: string; patch?: string }[]) {
      scope.get(`${R}/pulls/${number}/files`).query(true).reply(200, files);
      return mock;
    },
    getIssue(number: number, issue: { title: string; body: string }) {
      scope
        .get(`${R}/issues/${number}`)
        .reply(200, { number, labels: [{ name: "needs-spec" }], user: { login: "bob-reader" }, ...issue });
      return mock;
    },
    issueComments(issue: number, comments: unknown[]) {
      scope.get(`${R}/issues/${issue}/comments`).query(true).reply(200, comments);
      return mock;
    },
    createComment(issue: number, label = `comment:#${issue}`) {
      scope.post(`${R}/issues/${issue}/comments`).reply(
        capture(label, 201, (b) => {
          nextId += 1;
          return apiComment(nextId, String(b.body), BOT, "Bot");
        }),
      );
      return mock;
    },
    updateComment(id: number, label = `comment:${id}`) {
      scope
        .patch(`${R}/issues/comments/${id}`)
        .reply(capture(label, 200, (b) => apiComment(id, String(b.body), BOT, "Bot")));
      return mock;
    },
    reviewComments(pull: number, comments: unknown[]) {
      scope.get(`${R}/pulls/${pull}/comments`).query(true).reply(200, comments);
      return mock;
    },
    updateReviewComment(id: number) {
      scope
        .patch(`${R}/pulls/comments/${id}`)
        .reply(capture(`review-comment:${id}`, 200, (b) => ({ id, ...b })));
      return mock;
    },
    createReview(pull: number) {
      scope.post(`${R}/pulls/${pull}/reviews`).reply(
        capture("review", 200, () => ({
          id: 700,
          html_url: `https://github.com/${OWNER}/${REPO}/pull/${pull}#pullrequestreview-700`,
        })),
      );
      return mock;
    },
    checkRun(label = "check-run") {
      scope.post(`${R}/check-runs`).reply(
        capture(label, 201, () => {
          nextId += 1;
          return { id: nextId, html_url: `https://github.com/${OWNER}/${REPO}/runs/${nextId}` };
        }),
      );
      return mock;
    },
    commitComment(commit: string) {
      scope
        .post(`${R}/commits/${commit}/comments`)
        .reply(capture("commit-comment", 201, (b) => ({ id: 1, ...b })));
      return mock;
    },
  };
  return mock;
}

/** The repository's GraphQL node id in every app test. */
export const REPO_NODE_ID = "R_kgDOSpecwright";

/** What the app sent in one captured GraphQL commit, decoded: files with their UTF-8 text. */
export function sentCommit(body: Body) {
  const variables = body.variables as {
    ref?: { repositoryId: string; name: string; oid: string };
    commit: {
      branch: { repositoryNameWithOwner: string; branchName: string };
      message: { headline: string; body?: string };
      fileChanges: { additions: { path: string; contents: string }[]; deletions: { path: string }[] };
      expectedHeadOid: string;
    };
  };
  const { commit } = variables;
  return {
    ref: variables.ref,
    branch: commit.branch,
    expectedHeadOid: commit.expectedHeadOid,
    message: commit.message.body
      ? `${commit.message.headline}\n\n${commit.message.body}`
      : commit.message.headline,
    files: commit.fileChanges.additions.map((a) => ({
      path: a.path,
      content: Buffer.from(a.contents, "base64").toString("utf8"),
    })),
    deletions: commit.fileChanges.deletions.map((d) => d.path),
  };
}

/** The nock mock of one app test. */
export type GithubMock = ReturnType<typeof createGithubMock>;
