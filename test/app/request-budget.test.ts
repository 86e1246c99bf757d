import { afterEach, describe, expect, it } from "vitest";
import {
  createGithubMock,
  MAIN_SHA,
  MAIN_TREE,
  REPO_NODE_ID,
  sentCommit,
  sha,
  type GithubMock,
} from "../helpers/probot-github.js";
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
    .heads({ main: { sha: MAIN_SHA, tree: MAIN_TREE }, [BRANCH]: undefined });
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
  it("takes 12 requests: both branch heads in one query, one commit for all 14 files (creating the branch in the same request), one PR, one review, one check run, one progress comment", async () => {
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
    const sent = sentCommit(github.body("commit"));
    expect(sent.ref).toEqual({ repositoryId: REPO_NODE_ID, name: `refs/heads/${BRANCH}`, oid: MAIN_SHA });
    expect(sent.expectedHeadOid).toBe(MAIN_SHA);
    expect(sent.files).toHaveLength(14);
    expect(requests.count()).toBe(12);
  });

  it("stays within 15 with `all`: a checkpoint commit (1 request) after each phase but the last, whose specs go into the final commit", async () => {
    github = mockRun(4);
    const requests = countRequests(github);
    const { probot, specwright } = await loadTestApp({
      engine: createScriptedEngine({ agents: THIRTEEN_AGENTS }),
    });

    await deliver(probot, "issue_comment", webhookFixture("issue-comment-on-issue"));
    await specwright.queue.onIdle();

    expect(github.unmatched).toEqual([]);
    expect(github.scope.isDone()).toBe(true);
    const commits = github.all("commit").map(sentCommit);
    expect(commits.map((c) => c.files.length)).toEqual([4, 8, 11, 14]);
    // Each commit lands only on top of the previous one; only the first creates the branch.
    expect(commits.map((c) => c.expectedHeadOid)).toEqual([MAIN_SHA, sha("c1"), sha("c2"), sha("c3")]);
    expect(commits.map((c) => c.ref?.oid)).toEqual([MAIN_SHA, undefined, undefined, undefined]);
    expect(commits.map((c) => c.message.split("\n")[0])).toEqual([
      "Specwright: system specs, phase 1 checkpoint",
      "Specwright: system specs, phase 2 checkpoint",
      "Specwright: system specs, phase 3 checkpoint",
      "Specwright: regenerate system specs (all)",
    ]);
    expect(requests.count()).toBe(15);
  });
});
