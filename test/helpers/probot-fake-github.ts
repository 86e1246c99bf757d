import nock from "nock";
import { GITHUB, MAIN_SHA, MAIN_TREE, sha } from "./probot-github.js";
import { BOT } from "./probot-test-app.js";

/**
 * A permissive, persisted stand-in for every GitHub endpoint the app uses, for benchmarks (not
 * for tests that assert requests): any repository, any issue, any branch. Specwright branches do
 * not exist yet, nobody lacks permission, and every write succeeds. Counts requests per route
 * (GraphQL ones per operation).
 */
export function createFakeGithub(options: { config: string; files: Readonly<Record<string, string>> }) {
  const counts = new Map<string, number>();
  let id = 10_000;
  const scope = nock(GITHUB).persist();
  scope.on("request", (req: { method?: string; path?: string }, _interceptor: unknown, body?: string) => {
    // GraphQL requests are told apart by their operation, e.g. `POST /graphql SpecwrightCommit`.
    const operation = /^\{"query":"(?:query|mutation) (\w+)/.exec(body ?? "")?.[1];
    const route = `${req.method ?? "?"} ${String(req.path ?? "")
      .replace(/\?.*$/, "")
      .replace(/\/[0-9a-f]{40}/g, "/{sha}")
      .replace(/\/\d+(?=\/|$)/g, "/{n}")}${operation ? ` ${operation}` : ""}`;
    counts.set(route, (counts.get(route) ?? 0) + 1);
  });
  const tree = Object.entries(options.files).map(([path, content]) => ({
    path,
    mode: "100644",
    type: "blob",
    sha: sha(`blob:${content}`),
    size: Buffer.byteLength(content),
  }));
  const pull = (n: number, ref: string) => ({
    number: n,
    state: "open",
    html_url: `https://github.com/o/r/pull/${n}`,
    title: "Spec",
    body: "",
    head: { ref, sha: sha(`head ${n}`), repo: { full_name: "o/r" } },
    base: { ref: "main" },
  });
  const comment = (body: string) => ({
    id: (id += 1),
    body,
    html_url: `https://github.com/c/${id}`,
    user: { login: BOT, type: "Bot" },
    created_at: "2026-11-20T10:00:00Z",
  });
  // Branch heads (the default branch exists, Specwright's do not) and commits through GraphQL.
  const graphql = (body: { query: string; variables: Record<string, unknown> }) => {
    if (body.query.includes("SpecwrightBranchHeads")) {
      const repository: Record<string, unknown> = { id: "R_fake" };
      for (const [alias, ref] of Object.entries(body.variables)) {
        if (!/^b\d+$/.test(alias)) continue;
        repository[alias] =
          ref === "refs/heads/main" ? { target: { oid: MAIN_SHA, tree: { oid: MAIN_TREE } } } : null;
      }
      return { data: { repository } };
    }
    const commit = { commit: { oid: sha(`commit ${(id += 1)}`), tree: { oid: sha(`tree ${id}`) } } };
    return {
      data: {
        ...(body.query.includes("createRef") ? { createRef: { ref: { name: "refs/heads/x" } } } : {}),
        createCommitOnBranch: commit,
      },
    };
  };
  scope
    .post(/\/app\/installations\/\d+\/access_tokens/)
    .reply(201, { token: "ghs_benchtoken00000000000000000000000", expires_at: "2099-01-01T00:00:00Z" })
    .get(/\/collaborators\/[^/]+\/permission$/)
    .reply(200, { permission: "write", role_name: "write" })
    .post(/\/reactions$/)
    .reply(201, { id: 1, content: "eyes" })
    .get(/\/contents\/\.github%2Fspecwright\.yml/)
    .reply(200, options.config, { "content-type": "application/vnd.github.v3.raw; charset=utf-8" })
    .get(/\/issues\/\d+\/comments/)
    .reply(200, [])
    .post(/\/issues\/\d+\/comments$/)
    .reply(201, (_uri, body) => comment(String((body as { body?: string }).body ?? "")))
    .patch(/\/issues\/comments\/\d+$/)
    .reply(200, (_uri, body) => comment(String((body as { body?: string }).body ?? "")))
    .get(/\/issues\/\d+$/)
    .reply(200, (uri) => ({
      number: Number(uri.split("/").pop()),
      title: "Feature",
      body: "Please build it.",
      labels: [{ name: "needs-spec" }],
    }))
    .get(/\/branches\/main$/)
    .reply(200, { commit: { sha: MAIN_SHA, commit: { tree: { sha: MAIN_TREE } } } })
    .get(/\/branches\/specwright/)
    .reply(404, { message: "Branch not found" })
    .post("/graphql")
    .reply(200, (_uri, body) => graphql(body as { query: string; variables: Record<string, unknown> }))
    .get(/\/git\/trees\/[0-9a-f]{40}/)
    .reply(200, { sha: MAIN_TREE, tree, truncated: false })
    .post(/\/git\/trees$/)
    .reply(201, () => ({ sha: sha(`tree ${(id += 1)}`) }))
    .post(/\/git\/commits$/)
    .reply(201, () => ({ sha: sha(`commit ${(id += 1)}`), tree: { sha: MAIN_TREE } }))
    .post(/\/git\/refs$/)
    .reply(201, (_uri, body) => ({
      ref: (body as { ref: string }).ref,
      object: { sha: (body as { sha: string }).sha },
    }))
    .patch(/\/git\/refs\//)
    .reply(200, (_uri, body) => ({ ref: "refs/heads/x", object: { sha: (body as { sha: string }).sha } }))
    .get(/\/pulls\?/)
    .reply(200, [])
    .post(/\/pulls$/)
    .reply(201, (_uri, body) => pull((id += 1), (body as { head: string }).head))
    .post(/\/pulls\/\d+\/reviews$/)
    .reply(200, { id: 1, html_url: "https://github.com/r/1" })
    .post(/\/check-runs$/)
    .reply(201, () => ({ id: (id += 1), html_url: `https://github.com/runs/${id}` }));
  return {
    /** Requests per route (`POST /repos/{owner}/{repo}/git/trees`…), numbers and SHAs generalised. */
    counts: () => new Map(counts),
    total: () => [...counts.values()].reduce((a, b) => a + b, 0),
    reset: () => counts.clear(),
    close: () => scope.persist(false),
  };
}
