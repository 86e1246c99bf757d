import { afterEach, describe, expect, it } from "vitest";
import { createAnthropicModel } from "../../src/adapters/anthropic/create-anthropic-model.js";
import { ORBIT_CONFIG, orbitFiles, orbitSpec, type OrbitAgent } from "../helpers/orbit-repo.js";
import {
  apiPull,
  createGithubMock,
  MAIN_SHA,
  MAIN_TREE,
  REPO_NODE_ID,
  sentCommit,
  sha,
  type GithubMock,
} from "../helpers/probot-github.js";
import { BOT, deliver, loadTestApp, webhookFixture } from "../helpers/probot-test-app.js";
import { createScriptedEngine } from "../helpers/scripted-engine.js";
import { mockAgents, readFile, reportFindings, REVIEW, submitSpec } from "../helpers/scripted-agents.js";

const BRANCH = "specwright/system-specs";
const KEY = "sk-ant-test-key-0123456789";

function commentEvent(body: string, id = 9001) {
  const payload = webhookFixture<{ comment: { id: number; body: string } }>("issue-comment-on-issue");
  payload.comment.body = body;
  payload.comment.id = id;
  return payload;
}

const app = () =>
  loadTestApp({
    env: { ANTHROPIC_API_KEY: KEY },
    createModel: (env) => createAnthropicModel({ apiKey: env.ANTHROPIC_API_KEY, maxRetries: 0 }),
  });

const happy = (name: OrbitAgent, file: string) => [readFile(file), submitSpec(orbitSpec(name))];

/**
 * GitHub up to the first commit of a `/spec regenerate all` commented on issue #12 of a repo
 * with no Specwright branch yet: admitted, files read, progress comment posted.
 */
const freshRunOnIssue12 = () =>
  createGithubMock()
    .admittedCommand(ORBIT_CONFIG)
    .files(MAIN_SHA, orbitFiles())
    .issueComments(12, [])
    .createComment(12, "progress")
    .heads({ main: { sha: MAIN_SHA, tree: MAIN_TREE }, [BRANCH]: undefined });

/** A spec file as an agent wrote it. */
const writtenSpec = (name: string) => ({
  path: `docs/specs/${name}.md`,
  content: `# ${name}\n`,
  author: name,
});

/**
 * A scripted engine whose run announces `queued`, settles each phase with the specs of
 * `phases` (phase n: every spec up to it), then throws `failure`, as a run that fails after
 * its checkpoints.
 */
function engineFailingAfter(
  phases: readonly (readonly string[])[],
  failure: string,
  queued: readonly { name: string; phase: number }[] = [],
) {
  const scripted = createScriptedEngine();
  return {
    ...scripted,
    async generateSystemSpecs(request: Parameters<typeof scripted.generateSystemSpecs>[0]) {
      for (const a of queued) request.onProgress?.({ type: "agent-queued", agent: a.name, phase: a.phase });
      for (const [i, names] of phases.entries())
        await request.onPhaseSettled?.(i + 1, names.map(writtenSpec));
      throw new Error(failure);
    },
  };
}

let github: GithubMock;
afterEach(() => github?.close());

describe("/spec regenerate all, end to end (GitHub and Anthropic through nock)", () => {
  it("coalesces two identical commands into one run: phase checkpoints, one PR, review, check run, progress", async () => {
    github = freshRunOnIssue12()
      .commit(BRANCH, { tree: sha("t1"), commit: sha("c1") }, "create")
      .commit(BRANCH, { tree: sha("t2"), commit: sha("c2") }, "update")
      .commit(BRANCH, { tree: sha("t3"), commit: sha("c3") }, "update")
      .createPull(40, sha("c3"))
      .createReview(40)
      .checkRun()
      .updateComment(5001, "progress:final");
    const model = mockAgents({
      catalog: happy("catalog", "src/catalog/books.ts"),
      cart: happy("cart", "src/cart/cart.ts"),
      checkout: happy("checkout", "src/checkout/checkout.ts"),
      receipts: happy("receipts", "src/receipts/receipt.ts"),
      [REVIEW]: [reportFindings([])],
    });
    const { probot, specwright } = await app();

    await Promise.all([
      deliver(probot, "issue_comment", commentEvent("/spec regenerate all", 9001), "d-1"),
      deliver(probot, "issue_comment", commentEvent("/spec regenerate all", 9005), "d-2"),
    ]);
    await specwright.queue.onIdle();

    expect(specwright.queue.stats()).toMatchObject({ succeeded: 1, failed: 0, coalesced: 1 });
    expect(github.unmatched).toEqual([]);
    expect(github.scope.isDone()).toBe(true);
    expect(model.scope.isDone()).toBe(true);
    expect(model.remaining()).toEqual({});
    expect(model.calls[0]?.body.model).toBe("claude-sonnet-5-5");

    // Checkpoints after phases 1 and 2, then the final commit with phase 3 and the review: each ONE
    // GraphQL request, each only on top of the commit before it; the first also creates the branch.
    const commits = github.all("commit").map(sentCommit);
    expect(commits.map((c) => c.expectedHeadOid)).toEqual([MAIN_SHA, sha("c1"), sha("c2")]);
    expect(commits.map((c) => c.ref)).toEqual([
      { repositoryId: REPO_NODE_ID, name: `refs/heads/${BRANCH}`, oid: MAIN_SHA },
      undefined,
      undefined,
    ]);
    expect(commits.map((c) => c.files.map((f) => f.path))).toEqual([
      ["docs/specs/catalog.md", "docs/specs/cart.md"],
      ["docs/specs/catalog.md", "docs/specs/cart.md", "docs/specs/checkout.md"],
      [
        "docs/specs/catalog.md",
        "docs/specs/cart.md",
        "docs/specs/checkout.md",
        "docs/specs/receipts.md",
        "docs/specs/consistency-review.md",
      ],
    ]);
    expect(commits[0]?.files[0]).toEqual({ path: "docs/specs/catalog.md", content: orbitSpec("catalog") });
    expect(commits.every((c) => c.branch.repositoryNameWithOwner === "orbit/books")).toBe(true);
    expect(commits[0]?.message).toMatch(
      /^Specwright: system specs, phase 1 checkpoint\n\nSpecwright-Run: job-\d+$/,
    );
    expect(commits[2]?.message).toMatch(
      /^Specwright: regenerate system specs \(all\)\n\nSpecwright-Run: job-\d+$/,
    );

    const pr = github.body("pull:create");
    expect(pr).toMatchObject({ head: BRANCH, base: "main", title: "Specwright: system specs" });
    expect(String(pr.body)).toContain("<!-- specwright:pr:system-specs -->");
    expect(String(pr.body)).toContain("**Why:** @&#8203;alice-dev commented `/spec regenerate all` in #12");
    expect(String(pr.body)).toContain("| `catalog` | 1 | ✅ succeeded | 1 |");
    expect(github.body("review")).toMatchObject({ commit_id: sha("c3"), event: "COMMENT" });
    expect(github.body("check-run")).toMatchObject({
      name: "Specwright consistency",
      head_sha: sha("c3"),
      status: "completed",
    });

    const initial = String(github.body("progress").body);
    expect(initial).toContain("<!-- specwright:progress:system-specs -->");
    expect(initial).toContain("in progress");
    const final = String(github.body("progress:final").body);
    expect(final).toContain("— done");
    expect(final).toContain("- [x] Phase 1 · **`catalog`** (Catalog) — succeeded");
    expect(final).toContain("**Pull request:** [#40](https://github.com/orbit/books/pull/40)");
    expect(final).toContain("**Check run:** [Specwright consistency](https://github.com/orbit/books/runs/");
    expect(final).not.toContain(KEY);
  });

  it("keeps the phases finished before a model failure (checkpoint commit) and offers the retry command", async () => {
    const config = `${ORBIT_CONFIG}  review:\n    llm: false\n`;
    github = createGithubMock()
      .token()
      .files(MAIN_SHA, { ...orbitFiles(), ".github/specwright.yml": config })
      .permission("alice-dev", "maintain")
      .reactToComment(9001)
      .config(config)
      .issueComments(12, [])
      .createComment(12, "progress")
      .heads({ main: { sha: MAIN_SHA, tree: MAIN_TREE }, [BRANCH]: undefined })
      .commit(BRANCH, { tree: sha("t1"), commit: sha("c1") }, "create")
      .createPull(41, sha("c2"))
      .createReview(41)
      .checkRun()
      .updateComment(5001, "progress:final");
    // Phases 2 and 3 change nothing (their agents were skipped): no request for their checkpoints.
    github.commit(BRANCH, { tree: sha("t2"), commit: sha("c2") }, "update");
    const model = mockAgents({
      catalog: happy("catalog", "src/catalog/books.ts"),
      cart: [{ status: 500, type: "api_error", message: "Internal server error" }],
    });
    const { probot, specwright } = await app();

    await deliver(probot, "issue_comment", commentEvent("/spec regenerate all"));
    await specwright.queue.onIdle();

    expect(github.unmatched).toEqual([]);
    expect(github.scope.isDone()).toBe(true);
    expect(model.scope.isDone()).toBe(true);
    const commits = github.all("commit").map(sentCommit);
    expect(commits.map((c) => c.files.map((f) => f.path))).toEqual([
      ["docs/specs/catalog.md"],
      ["docs/specs/catalog.md", "docs/specs/consistency-review.md"],
    ]);
    expect(commits.map((c) => c.expectedHeadOid)).toEqual([MAIN_SHA, sha("c1")]);

    const final = String(github.body("progress:final").body);
    expect(final).toContain("finished with problems");
    expect(final).toContain("- [x] Phase 1 · **`catalog`** (Catalog) — succeeded");
    expect(final).toMatch(/Phase 1 · \*\*`cart`\*\* \(Cart\) — failed: /);
    expect(final).toContain("To retry, comment:\n\n```\n/spec regenerate cart --with-dependents\n```");
    expect(String(github.body("pull:create").body)).toContain("did not produce a publishable spec");
  });

  it("`/spec regenerate cart --with-dependents` after a partial failure writes on top of the branch, keeping catalog's spec in the PR", async () => {
    const head = sha("partial run head");
    const earlierCatalog = "# Catalog — System Spec\n\nWritten by the earlier, partly failed run.\n";
    github = createGithubMock()
      .token()
      .files(MAIN_SHA, orbitFiles())
      // The branch holds catalog.md from the earlier run; main does not have it yet.
      .files(head, { ...orbitFiles(), "docs/specs/catalog.md": earlierCatalog })
      .permission("alice-dev", "write")
      .reactToComment(9001)
      .config(ORBIT_CONFIG)
      .issueComments(12, [])
      .createComment(12, "progress")
      // The earlier run's checkpoint (catalog) and final commit: Specwright's only (made through
      // GraphQL, so GitHub is the committer).
      .heads({
        main: { sha: MAIN_SHA, tree: MAIN_TREE },
        [BRANCH]: { sha: head, tree: sha("partial run tree") },
      })
      .compare(MAIN_SHA, BRANCH, [
        {
          sha: sha("c1"),
          author: BOT,
          committer: "web-flow",
          message: "Specwright: system specs, phase 1 checkpoint\n\nSpecwright-Run: job-1",
        },
        {
          sha: head,
          author: BOT,
          committer: "web-flow",
          message: "Specwright: regenerate system specs (all)\n\nSpecwright-Run: job-1",
        },
      ])
      .commit(BRANCH, { tree: sha("t5"), commit: sha("c5") }, "update")
      .openPulls(BRANCH, [apiPull(41, BRANCH, head)])
      .updatePull(41, BRANCH, sha("c5"))
      .reviewComments(41, [])
      .checkRun()
      .updateComment(5001, "progress:final");
    const engine = createScriptedEngine({
      agents: [
        { name: "cart", phase: 1, specFile: "docs/specs/cart.md" },
        { name: "checkout", phase: 2, specFile: "docs/specs/checkout.md" },
        { name: "receipts", phase: 3, specFile: "docs/specs/receipts.md" },
      ],
    });
    // What the agents read: main's code with the specs already on the branch laid over it.
    const seen: string[] = [];
    const generate = engine.generateSystemSpecs.bind(engine);
    engine.generateSystemSpecs = async (request) => {
      const file = await request.snapshot.readFile("docs/specs/catalog.md");
      seen.push(`${request.snapshot.sha}:${file.kind === "text" ? file.text : file.kind}`);
      return generate(request);
    };
    const { probot, specwright } = await loadTestApp({ engine });

    await deliver(probot, "issue_comment", commentEvent("/spec regenerate cart --with-dependents"));
    await specwright.queue.onIdle();

    expect(github.unmatched).toEqual([]);
    expect(github.scope.isDone()).toBe(true);
    expect(seen).toEqual([`${MAIN_SHA}:${earlierCatalog}`]);
    // On top of the branch's head (which holds catalog.md from the earlier run), not main's.
    const commit = sentCommit(github.body("commit"));
    expect(commit.expectedHeadOid).toBe(head);
    expect(commit.ref).toBeUndefined();
    expect(commit.files.map((f) => f.path)).toEqual([
      "docs/specs/cart.md",
      "docs/specs/checkout.md",
      "docs/specs/receipts.md",
      "docs/specs/consistency-review.md",
    ]);
    expect(commit.deletions).toEqual([]);
    expect(github.body("pull:update")).toMatchObject({ title: "Specwright: system specs" });
    expect(github.body("check-run")).toMatchObject({ head_sha: sha("c5") });
    expect(String(github.body("progress:final").body)).toContain("— done");
  });

  it("opens the PR when the engine throws after phase checkpoints: it says the run failed partway and how to finish it", async () => {
    const engine = engineFailingAfter(
      [
        ["catalog", "cart"],
        ["catalog", "cart", "checkout"],
      ],
      "socket hang up while phase 3 was streaming",
    );
    github = freshRunOnIssue12()
      .commit(BRANCH, { tree: sha("t1"), commit: sha("c1") }, "create")
      .commit(BRANCH, { tree: sha("t2"), commit: sha("c2") }, "update")
      .createPull(42, sha("c2"))
      .updateComment(5001, "progress:final");
    const { probot, specwright } = await loadTestApp({ engine });

    await deliver(probot, "issue_comment", commentEvent("/spec regenerate all"));
    await specwright.queue.onIdle();

    expect(github.unmatched).toEqual([]);
    expect(github.scope.isDone()).toBe(true);
    expect(specwright.queue.stats().failed).toBe(0);
    expect(github.all("commit").map((c) => sentCommit(c).expectedHeadOid)).toEqual([MAIN_SHA, sha("c1")]);
    const pr = github.body("pull:create");
    expect(pr).toMatchObject({ head: BRANCH, base: "main", title: "Specwright: system specs" });
    const body = String(pr.body);
    expect(body).toContain("<!-- specwright:pr:system-specs -->");
    expect(body).toContain('"partial":true');
    expect(body).toContain("## ⚠️ The run failed partway");
    expect(body).toContain("socket hang up while phase 3 was streaming");
    expect(body).toContain("- `docs/specs/catalog.md`\n- `docs/specs/cart.md`\n- `docs/specs/checkout.md`");
    expect(body).toContain("To finish the run, comment:\n\n```\n/spec regenerate all\n```");
    const final = String(github.body("progress:final").body);
    expect(final).toContain(
      "The phases finished before the failure are committed on specwright/system-specs.",
    );
    expect(final).toContain("**Pull request:** [#42](https://github.com/orbit/books/pull/42)");
    expect(final).toContain("To retry, comment:\n\n```\n/spec regenerate all\n```");
  });

  it("commits the last phase on its own when the run throws after it (that phase has no checkpoint of its own)", async () => {
    const engine = engineFailingAfter(
      [["catalog"], ["catalog", "checkout"]],
      "the snapshot could not be read for the review",
      [
        { name: "catalog", phase: 1 },
        { name: "checkout", phase: 2 },
      ],
    );
    github = freshRunOnIssue12()
      .commit(BRANCH, { tree: sha("t1"), commit: sha("c1") }, "create")
      .commit(BRANCH, { tree: sha("t2"), commit: sha("c2") }, "update")
      .createPull(43, sha("c2"))
      .updateComment(5001, "progress:final");
    const { probot, specwright } = await loadTestApp({ engine });

    await deliver(probot, "issue_comment", commentEvent("/spec regenerate all"));
    await specwright.queue.onIdle();

    expect(github.unmatched).toEqual([]);
    expect(github.scope.isDone()).toBe(true);
    const commits = github.all("commit").map(sentCommit);
    expect(commits.map((c) => c.message.split("\n")[0])).toEqual([
      "Specwright: system specs, phase 1 checkpoint",
      "Specwright: system specs, phase 2 checkpoint",
    ]);
    expect(commits[1]?.files.map((f) => f.path)).toEqual(["docs/specs/catalog.md", "docs/specs/checkout.md"]);
    expect(String(github.body("pull:create").body)).toContain("- `docs/specs/checkout.md`");
  });
});
