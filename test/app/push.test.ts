import { afterEach, describe, expect, it } from "vitest";
import { createAnthropicModel } from "../../src/adapters/anthropic/create-anthropic-model.js";
import { mockMessages } from "../helpers/anthropic-sse.js";
import { ORBIT_CONFIG, orbitFiles, orbitSpec } from "../helpers/orbit-repo.js";
import { GIFT_DISCOVERY, giftSpec } from "../helpers/probot-fixtures.js";
import {
  apiPull,
  createGithubMock,
  MAIN_SHA,
  MAIN_TREE,
  sentCommit,
  sha,
  type GithubMock,
} from "../helpers/probot-github.js";
import { deliver, loadTestApp, webhookFixture } from "../helpers/probot-test-app.js";
import { submitSpec } from "../helpers/scripted-agents.js";

const AFTER = "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d";
const DOC = "docs/discovery/gift-wrapping.md";
const BRANCH = "specwright/spec-gift-wrapping";

function pushedFiles(): Record<string, string> {
  const { "src/catalog/search.ts": _removed, ...files } = orbitFiles();
  return {
    ...files,
    [DOC]: GIFT_DISCOVERY,
    "docs/specs/cart.md": orbitSpec("cart"),
    "docs/specs/catalog.md": orbitSpec("catalog"),
    "docs/specs/receipts.md": orbitSpec("receipts"),
  };
}

let github: GithubMock;
afterEach(() => github?.close());

describe("push to the default branch, end to end", () => {
  it("drafts one PR per changed discovery document and lists the specs citing changed files in one check run", async () => {
    github = createGithubMock()
      .token()
      .files(AFTER, pushedFiles())
      .files(MAIN_SHA, pushedFiles())
      .config(ORBIT_CONFIG)
      .checkRun("staleness")
      // The discovery document's job: no PR yet, so the progress comment goes on the PR once it is open.
      .openPulls(BRANCH, [])
      .heads({ main: { sha: MAIN_SHA, tree: MAIN_TREE }, [BRANCH]: undefined })
      .commit(BRANCH, { tree: sha("t1"), commit: sha("c1") }, "create")
      .createPull(32, sha("c1"))
      .createReview(32)
      .checkRun("consistency")
      .issueComments(32, [])
      .createComment(32, "progress");
    const model = mockMessages([submitSpec(giftSpec())]);
    const { probot, specwright } = await loadTestApp({
      env: { ANTHROPIC_API_KEY: "sk-ant-test-key-0123456789" },
      createModel: (e) => createAnthropicModel({ apiKey: e.ANTHROPIC_API_KEY, maxRetries: 0 }),
    });

    await deliver(probot, "push", webhookFixture("push-default-branch"));
    await specwright.queue.onIdle();

    expect(github.unmatched).toEqual([]);
    expect(github.scope.isDone()).toBe(true);
    expect(model.scope.isDone()).toBe(true);
    expect(specwright.queue.stats()).toMatchObject({ succeeded: 2, failed: 0 });

    const staleness = github.body("staleness");
    expect(staleness).toMatchObject({
      name: "Specwright staleness",
      head_sha: AFTER,
      status: "completed",
      conclusion: "neutral",
    });
    const output = staleness.output as { title: string; summary: string };
    expect(output.title).toBe("2 specs may be stale");
    expect(output.summary).toContain("- `docs/specs/cart.md` (`cart`) cites `src/cart/cart.ts`");
    expect(output.summary).toContain("- `docs/specs/catalog.md` (`catalog`) cites `src/catalog/search.ts`");
    expect(output.summary).toContain("```\n/spec regenerate catalog cart\n```");
    expect(output.summary).not.toContain("receipts");

    expect(JSON.stringify(model.requests[0]?.body.messages)).toContain("A gift-wrapping option on the cart");
    expect(sentCommit(github.body("commit")).files).toEqual([
      { path: "specs/gift-wrapping.md", content: giftSpec() },
    ]);
    expect(github.body("pull:create")).toMatchObject({ head: BRANCH, title: "Spec: Gift wrapping" });
    expect(String(github.body("pull:create").body)).toContain(`pushed ${DOC} (9e8d7c6)`);
    const progress = String(github.body("progress").body);
    expect(progress).toContain("<!-- specwright:progress:spec-gift-wrapping -->");
    expect(progress).toContain("— done");
  });

  it("ignores pushes to other branches and pushes by bots without any request", async () => {
    github = createGithubMock();
    const { probot, specwright } = await loadTestApp();
    const other = webhookFixture<{ ref: string }>("push-default-branch");
    other.ref = "refs/heads/feature/gift";
    const byBot = webhookFixture<{ sender: { login: string; type: string } }>("push-default-branch");
    byBot.sender = { login: "renovate[bot]", type: "Bot" };
    await deliver(probot, "push", other);
    await deliver(probot, "push", byBot);
    await specwright.queue.onIdle();
    expect(specwright.queue.stats().succeeded).toBe(0);
    expect(github.unmatched).toEqual([]);
  });

  it("reports a config broken by the push on the pushed commit (check run + commit comment) and drafts nothing", async () => {
    const broken = "implementationSpecs:\n  output: specs/spec.md\n";
    const event = webhookFixture<{ commits: { modified: string[] }[] }>("push-default-branch");
    event.commits[1]?.modified.push(".github/specwright.yml");
    github = createGithubMock().token().config(broken).configText(broken).checkRun().commitComment(AFTER);
    const { probot, specwright } = await loadTestApp();

    await deliver(probot, "push", event);
    await specwright.queue.onIdle();

    expect(github.scope.isDone()).toBe(true);
    expect(github.unmatched).toEqual([]);
    expect(github.body("check-run")).toMatchObject({
      name: "Specwright configuration",
      head_sha: AFTER,
      conclusion: "failure",
    });
    const comment = String(github.body("commit-comment").body);
    expect(comment).toContain("`.github/specwright.yml:2:11`");
    expect(comment).toContain("`implementationSpecs.output`");
    expect(comment).toContain("must contain {slug}");
  });

  it("reports a discovery document that could not be drafted as a failing check run on the pushed commit", async () => {
    github = createGithubMock()
      .token()
      .files(AFTER, pushedFiles())
      .config(ORBIT_CONFIG)
      .checkRun("staleness")
      .openPulls(BRANCH, [])
      .heads({ main: { sha: MAIN_SHA, tree: MAIN_TREE }, [BRANCH]: undefined })
      .checkRun("spec");
    // No ANTHROPIC_API_KEY on the server.
    const { probot, specwright } = await loadTestApp();

    await deliver(probot, "push", webhookFixture("push-default-branch"));
    await specwright.queue.onIdle();

    expect(github.unmatched).toEqual([]);
    expect(github.scope.isDone()).toBe(true);
    const check = github.body("spec") as {
      name: string;
      head_sha: string;
      conclusion: string;
      output: { summary: string };
    };
    expect(check).toMatchObject({
      name: "Specwright spec: gift-wrapping",
      head_sha: AFTER,
      conclusion: "failure",
    });
    expect(check.output.summary).toContain("The Specwright server has no Anthropic API key");
    // No PR to comment on yet: the way to retry is pushing the document again, not a command.
    expect(check.output.summary).toContain("Push the document again to retry.");
    expect(check.output.summary).not.toContain("To retry, comment");
  });

  it("refuses a second document with the same file name while the first one's PR is open, touching neither", async () => {
    const other = "docs/discovery/team-b/gift-wrapping.md";
    const event = webhookFixture<{ commits: { added: string[] }[] }>("push-default-branch");
    if (event.commits[0]) event.commits[0].added = [other];
    const firstBody = [
      "<!-- specwright:pr:spec-gift-wrapping -->",
      `<!-- specwright:run {"target":"spec-gift-wrapping","kind":"implementation","commit":"${MAIN_SHA}","source":"${DOC}"} -->`,
      "## What changed and why",
    ].join("\n");
    github = createGithubMock()
      .token()
      .files(AFTER, { ...pushedFiles(), [other]: GIFT_DISCOVERY })
      .config(ORBIT_CONFIG)
      .checkRun("staleness")
      .openPulls(BRANCH, [apiPull(32, BRANCH, sha("first doc's spec"), firstBody, "Spec: Gift wrapping")])
      .checkRun("spec");
    const { probot, specwright } = await loadTestApp({
      env: { ANTHROPIC_API_KEY: "sk-ant-test-key-0123456789" },
    });

    await deliver(probot, "push", event);
    await specwright.queue.onIdle();

    // No branch read, no commit, no comment on #32: only the check run on the pushed commit.
    expect(github.unmatched).toEqual([]);
    expect(github.scope.isDone()).toBe(true);
    // The two jobs run concurrently: find the spec's check run among both posted.
    const check = [...github.all("staleness"), ...github.all("spec")].find(
      (c) => c.name === "Specwright spec: gift-wrapping",
    ) as { name: string; conclusion: string; output: { summary: string } };
    expect(check).toMatchObject({ name: "Specwright spec: gift-wrapping", conclusion: "failure" });
    expect(check.output.summary).toContain(
      `The branch ${BRANCH} already has an open pull request (#32) drafted from ${DOC}; ${other} has the same name`,
    );
    expect(check.output.summary).toContain("Rename this document");
  });

  it("never takes spec outputs for discovery documents, even when the discovery globs match them", async () => {
    const broad = `${ORBIT_CONFIG}implementationSpecs:\n  discovery: ["docs/**/*.md", "specs/**/*.md"]\n`;
    const event = webhookFixture<{ commits: { added: string[]; modified: string[]; removed: string[] }[] }>(
      "push-default-branch",
    );
    event.commits = [
      {
        ...event.commits[0],
        added: ["specs/gift-wrapping.md"],
        modified: ["docs/specs/cart.md", "docs/specs/consistency-review.md", "docs/specs/boundary-brief.md"],
        removed: [],
      } as (typeof event.commits)[number],
    ];
    github = createGithubMock()
      .token()
      .files(AFTER, {
        ...pushedFiles(),
        ".github/specwright.yml": broad,
        "specs/gift-wrapping.md": giftSpec(),
        "docs/specs/consistency-review.md": "# Consistency review\n\nNo findings.\n",
      })
      .config(broad);
    const { probot, specwright } = await loadTestApp();

    await deliver(probot, "push", event);
    await specwright.queue.onIdle();

    // Only the push job ran: no discovery job was queued, and a push touching only specs has no staleness report.
    expect(specwright.queue.stats()).toMatchObject({ succeeded: 1, failed: 0 });
    expect(github.unmatched).toEqual([]);
    expect(github.scope.isDone()).toBe(true);
  });

  it("ignores a push whose commits are all Specwright's (a merged spec PR) without any request", async () => {
    const event = webhookFixture<{
      commits: { added: string[]; message: string; author: { username: string; email: string } }[];
    }>("push-default-branch");
    event.commits = [
      {
        ...event.commits[0],
        message: "Spec: Gift wrapping (#32)\n\nSpecwright-Run: job-7",
        author: { username: "specwright[bot]", email: "4242+specwright[bot]@users.noreply.github.com" },
        added: [DOC, "specs/gift-wrapping.md"],
      } as (typeof event.commits)[number],
    ];
    github = createGithubMock();
    const { probot, specwright } = await loadTestApp();

    await deliver(probot, "push", event);
    await specwright.queue.onIdle();

    expect(specwright.queue.stats()).toMatchObject({ succeeded: 1, failed: 0 });
    expect(github.unmatched).toEqual([]);
  });
});
