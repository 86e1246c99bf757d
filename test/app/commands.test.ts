import { afterEach, describe, expect, it } from "vitest";
import { ORBIT_CONFIG, orbitFiles } from "../helpers/orbit-repo.js";
import { createGithubMock, MAIN_SHA, MAIN_TREE, R, type GithubMock } from "../helpers/probot-github.js";
import { deliver, loadTestApp, webhookFixture } from "../helpers/probot-test-app.js";

interface CommentPayload {
  comment: { id: number; body: string };
  sender: { login: string };
}

function commentEvent(body: string, options: { id?: number; sender?: string } = {}): CommentPayload {
  const payload = webhookFixture<CommentPayload>("issue-comment-on-issue");
  payload.comment.body = body;
  if (options.id !== undefined) payload.comment.id = options.id;
  if (options.sender !== undefined) payload.sender.login = options.sender;
  return payload;
}

let github: GithubMock;
afterEach(() => github?.close());

describe("/spec commands through probot.receive", () => {
  it("ignores comments by bots, Specwright's own included: no job, no request", async () => {
    github = createGithubMock();
    const { probot, specwright } = await loadTestApp();
    await deliver(probot, "issue_comment", webhookFixture("issue-comment-by-bot"));
    await specwright.queue.onIdle();
    expect(specwright.queue.stats()).toMatchObject({ succeeded: 0, failed: 0, queued: 0 });
    expect(github.unmatched).toEqual([]);
  });

  it("ignores a command quoted in a reply or inside a code block", async () => {
    github = createGithubMock();
    const { probot, specwright } = await loadTestApp();
    await deliver(probot, "issue_comment", commentEvent("> /spec regenerate all\n\nWhy did this run?"));
    await deliver(probot, "issue_comment", commentEvent("Try:\n\n```\n/spec regenerate all\n```"));
    await specwright.queue.onIdle();
    expect(specwright.queue.stats().succeeded).toBe(0);
    expect(github.unmatched).toEqual([]);
  });

  it("refuses politely when the commenter has no write access, and runs nothing", async () => {
    github = createGithubMock().token().permission("alice-dev", "read").createComment(12);
    const { probot, specwright } = await loadTestApp();
    await deliver(probot, "issue_comment", commentEvent("/spec regenerate all"));
    await specwright.queue.onIdle();

    expect(github.scope.isDone()).toBe(true);
    expect(github.unmatched).toEqual([]);
    const reply = String(github.body("comment:#12").body);
    expect(reply).toContain(
      "Sorry @alice-dev, only people with write access to orbit/books can run Specwright (you have read access).",
    );
    expect(reply).toContain("Ask a maintainer");
  });

  it("refuses a person without write access at most once per issue in an hour; others get their own reply", async () => {
    github = createGithubMock()
      .token()
      .permission("alice-dev", "read")
      .createComment(12, "refusal:alice")
      .permission("alice-dev", "read")
      .permission("alice-dev", "read")
      .permission("bob-reader", "none")
      .createComment(12, "refusal:bob");
    const { probot, specwright } = await loadTestApp();
    for (const [id, sender] of [
      [9001, "alice-dev"],
      [9002, "alice-dev"],
      [9003, "alice-dev"],
      [9004, "bob-reader"],
    ] as const) {
      await deliver(probot, "issue_comment", commentEvent(`/spec regenerate all ${id}`, { id, sender }));
      await specwright.queue.onIdle();
    }

    expect(github.scope.isDone()).toBe(true);
    // Two more replies to alice would have found no interceptor and shown up here.
    expect(github.unmatched).toEqual([]);
    expect(String(github.body("refusal:alice").body)).toContain("Sorry @alice-dev");
    expect(String(github.body("refusal:bob").body)).toContain("Sorry @bob-reader");
    expect(String(github.body("refusal:bob").body)).toContain("(you have no access)");
  });

  it("answers an unknown command with the valid ones and a did-you-mean, without calling the model", async () => {
    github = createGithubMock().admittedCommand(ORBIT_CONFIG).createComment(12);
    const { probot, specwright } = await loadTestApp();
    await deliver(probot, "issue_comment", commentEvent("/spec regenrate catalog"));
    await specwright.queue.onIdle();

    expect(github.scope.isDone()).toBe(true);
    expect(github.unmatched).toEqual([]);
    expect(github.body("reaction:9001")).toEqual({ content: "eyes" });
    const reply = String(github.body("comment:#12").body);
    expect(reply).toContain("I don't know the command `/spec regenrate`.");
    expect(reply).toContain("Did you mean `/spec regenerate`?");
    expect(reply).toContain("`catalog`, `cart`, `checkout`, `receipts`, `spec-12-gift-wrapping-at-checkout`");
  });

  it("answers an unknown spec name with did-you-mean suggestions", async () => {
    github = createGithubMock().admittedCommand(ORBIT_CONFIG, { permission: "admin" }).createComment(12);
    const { probot, specwright } = await loadTestApp();
    await deliver(probot, "issue_comment", commentEvent("/spec regenerate chekout --with-dependents"));
    await specwright.queue.onIdle();

    expect(github.scope.isDone()).toBe(true);
    const reply = String(github.body("comment:#12").body);
    expect(reply).toContain("There is no spec named `chekout`. Did you mean `checkout`?");
  });

  it("coalesces a redelivered webhook (same delivery id) into the job it already created", async () => {
    github = createGithubMock().admittedCommand(ORBIT_CONFIG).createComment(12);
    const { probot, specwright } = await loadTestApp();
    const event = commentEvent("/spec help");
    await deliver(probot, "issue_comment", event, "delivery-1");
    await deliver(probot, "issue_comment", event, "delivery-1");
    await specwright.queue.onIdle();

    expect(specwright.queue.stats()).toMatchObject({ succeeded: 1, duplicateDeliveries: 1 });
    expect(github.scope.isDone()).toBe(true);
    expect(github.unmatched).toEqual([]);
    expect(String(github.body("comment:#12").body)).toContain("**Specwright commands**");
  });

  it("reports every problem of an invalid config (check run + comment) and runs no job", async () => {
    const broken =
      "systemSpecs:\n  specsDir: docs/specs\n  agents:\n    - name: Catalog\n      phase: 0\nbudgets:\n  maxTurns: 3\n";
    github = createGithubMock()
      .admittedCommand(broken)
      .configText(broken)
      .branch("main", { sha: MAIN_SHA, tree: MAIN_TREE })
      .checkRun()
      .issueComments(12, [])
      .createComment(12);
    const { probot, specwright } = await loadTestApp();
    await deliver(probot, "issue_comment", commentEvent("/spec regenerate all"));
    await specwright.queue.onIdle();

    expect(github.scope.isDone()).toBe(true);
    expect(github.unmatched).toEqual([]);
    const check = github.body("check-run");
    expect(check).toMatchObject({
      name: "Specwright configuration",
      head_sha: MAIN_SHA,
      status: "completed",
      conclusion: "failure",
    });
    const output = check.output as {
      title: string;
      annotations: { path: string; start_line: number; title: string }[];
    };
    expect(output.title).toBe("3 problems in .github/specwright.yml: no job ran");
    expect(output.annotations.map((a) => [a.path, a.start_line, a.title])).toEqual([
      [".github/specwright.yml", 4, "Invalid config: systemSpecs.agents[0].name"],
      [".github/specwright.yml", 5, "Invalid config: systemSpecs.agents[0].phase"],
      [".github/specwright.yml", 7, "Invalid config: budgets.maxTurns"],
    ]);
    const comment = String(github.body("comment:#12").body);
    expect(comment).toContain("<!-- specwright:config-problems -->");
    expect(comment).toContain("**no job ran**");
    expect(comment).toContain("`.github/specwright.yml:4:13`");
    expect(comment).toContain("`budgets.maxTurns`");
  });

  it("limits model runs per issue: the first refusal explains, later ones stay quiet", async () => {
    github = createGithubMock()
      .admittedCommand(ORBIT_CONFIG)
      .files(MAIN_SHA, orbitFiles())
      .issueComments(12, [])
      .createComment(12, "progress")
      .branch("main", { sha: MAIN_SHA, tree: MAIN_TREE })
      .checkRun()
      .updateComment(5001, "progress:final")
      .permission("alice-dev", "write")
      .reactToComment(9002)
      .config(ORBIT_CONFIG)
      .createComment(12, "refusal")
      .permission("alice-dev", "write")
      .reactToComment(9003)
      .config(ORBIT_CONFIG);
    // No API key: /spec check runs the deterministic checks only.
    const { probot, specwright } = await loadTestApp({ runsPerIssuePerHour: 1 });
    for (const id of [9001, 9002, 9003]) {
      await deliver(probot, "issue_comment", commentEvent("/spec check", { id }));
      await specwright.queue.onIdle();
    }

    expect(github.scope.isDone()).toBe(true);
    expect(github.unmatched).toEqual([]);
    expect(github.body("check-run")).toMatchObject({ name: "Specwright consistency", head_sha: MAIN_SHA });
    expect(String(github.body("progress:final").body)).toContain("Consistency check");
    expect(String(github.body("refusal").body)).toContain(
      "Specwright has reached its limit of runs for #12 for now, so this one did not start. Try again in about 59m",
    );
  });

  it("reads its own bot login from GitHub once when it is not configured", async () => {
    github = createGithubMock()
      .token()
      .permission("alice-dev", "read")
      .createComment(12)
      .permission("bob-reader", "read")
      .createComment(12, "again");
    github.scope.get("/app").reply(200, { id: 4242, slug: "specwright", name: "Specwright" });
    const { probot, specwright } = await loadTestApp({ botLogin: undefined });
    await deliver(probot, "issue_comment", commentEvent("/spec help", { id: 9001 }));
    await deliver(probot, "issue_comment", commentEvent("/spec plan", { id: 9002, sender: "bob-reader" }));
    await specwright.queue.onIdle();
    expect(github.scope.isDone()).toBe(true);
    // A second GET /app would have no interceptor left and show up here.
    expect(github.unmatched).toEqual([]);
  });

  it("refuses to mix the issue's implementation spec with system specs in one regenerate, saying how to run them", async () => {
    github = createGithubMock().admittedCommand(ORBIT_CONFIG).createComment(12);
    const { probot, specwright } = await loadTestApp();
    await deliver(
      probot,
      "issue_comment",
      commentEvent("/spec regenerate spec-12-gift-wrapping-at-checkout catalog"),
    );
    await specwright.queue.onIdle();

    expect(github.scope.isDone()).toBe(true);
    expect(github.unmatched).toEqual([]);
    const reply = String(github.body("comment:#12").body);
    expect(reply).toContain(
      "`spec-12-gift-wrapping-at-checkout` is an implementation spec; it is drafted on its own branch and pull request, so it cannot be regenerated together with `catalog`.",
    );
    expect(reply).toContain(
      "```\n/spec regenerate spec-12-gift-wrapping-at-checkout\n/spec regenerate catalog\n```",
    );
  });

  it("goes on when the 👀 reaction fails because the comment was deleted", async () => {
    github = createGithubMock().token().permission("alice-dev", "write");
    github.scope.post(`${R}/issues/comments/9001/reactions`).reply(404, { message: "Not Found" });
    github.config(ORBIT_CONFIG).createComment(12);
    const { probot, specwright } = await loadTestApp();
    await deliver(probot, "issue_comment", commentEvent("/spec help"));
    await specwright.queue.onIdle();

    expect(specwright.queue.stats()).toMatchObject({ succeeded: 1, failed: 0 });
    expect(github.scope.isDone()).toBe(true);
    expect(github.unmatched).toEqual([]);
    expect(String(github.body("comment:#12").body)).toContain("**Specwright commands**");
  });
});
