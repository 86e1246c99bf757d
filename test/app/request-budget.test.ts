import { afterEach, describe, expect, it } from "vitest";
import { createGithubMock, MAIN_SHA, MAIN_TREE, sha, type GithubMock } from "../helpers/probot-github.js";
import { deliver, loadTestApp, webhookFixture } from "../helpers/probot-test-app.js";
import { THIRTEEN_AGENTS, THIRTEEN_CONFIG, thirteenFiles } from "../helpers/probot-thirteen.js";
import { createScriptedEngine } from "../helpers/scripted-engine.js";

const BRANCH = "specwright/system-specs";

/** Counts every GitHub request of a run except the installation token. */
function countRequests(github: GithubMock): { count: () => number } {
  let count = 0;
  const onRequest = (req: { path?: string }) => {
    if (!String(req.path ?? "").includes("/access_tokens")) count += 1;
  };
  github.scope.on("request", onRequest);
  github.reads.on("request", onRequest);
  return { count: () => count };
}

function mockRun(commits: number): GithubMock {
  const github = createGithubMock()
    .token()
    .files(MAIN_SHA, thirteenFiles())
    .permission("alice-dev", "write")
    .reactToComment(9001)
    .config(THIRTEEN_CONFIG)
    .issueComments(12, [])
    .createComment(12, "progress")
    .branch("main", { sha: MAIN_SHA, tree: MAIN_TREE })
    .branch(BRANCH, undefined);
  for (let i = 1; i <= commits; i += 1) {
    github.commit(BRANCH, { tree: sha(`t${i}`), commit: sha(`c${i}`) }, i === 1 ? "create" : "update");
  }
  return github
    .createPull(40, sha(`c${commits}`))
    .createReview(40)
    .checkRun()
    .updateComment(5001, "progress:final");
}

let github: GithubMock;
afterEach(() => github?.close());

describe("GitHub requests of a full 13-spec + review run", () => {
  it("takes 15 requests: one commit for all 14 files, one PR, one review, one check run, one progress comment", async () => {
    github = mockRun(1);
    const requests = countRequests(github);
    const { probot, specwright } = await loadTestApp({
      engine: createScriptedEngine({ agents: THIRTEEN_AGENTS }),
    });
    const event = webhookFixture<{ comment: { body: string } }>("issue-comment-on-issue");
    event.comment.body = `/spec regenerate ${THIRTEEN_AGENTS.map((a) => a.name).join(" ")}`;

    await deliver(probot, "issue_comment", event);
    await specwright.queue.onIdle();

    expect(github.unmatched).toEqual([]);
    expect(github.scope.isDone()).toBe(true);
    expect((github.body("tree").tree as unknown[]).length).toBe(14);
    expect(requests.count()).toBe(15);
  });

  it("adds one tree + commit + ref per phase checkpoint with `all` (4 phases: 27 requests)", async () => {
    github = mockRun(5);
    const requests = countRequests(github);
    const { probot, specwright } = await loadTestApp({
      engine: createScriptedEngine({ agents: THIRTEEN_AGENTS }),
    });

    await deliver(probot, "issue_comment", webhookFixture("issue-comment-on-issue"));
    await specwright.queue.onIdle();

    expect(github.unmatched).toEqual([]);
    expect(github.scope.isDone()).toBe(true);
    expect(github.all("tree").map((t) => (t.tree as unknown[]).length)).toEqual([4, 8, 11, 13, 14]);
    expect(requests.count()).toBe(27);
  });
});
