import { describe, expect, it } from "vitest";
import { isSpecwrightPushCommit } from "../../src/jobs/is-specwright-push-commit.js";
import type { PushCommit } from "../../src/jobs/job-payload.js";

const BOT = "specwright[bot]";

describe("isSpecwrightPushCommit", () => {
  it.each<[string, PushCommit, boolean]>([
    ["authored by the app", { authorLogin: BOT, message: "Spec: Login (#40)" }, true],
    [
      "the app's no-reply email (squash merge)",
      { authorEmail: "4242+specwright[bot]@users.noreply.github.com", message: "Spec: Login (#40)" },
      true,
    ],
    ["the run trailer", { authorLogin: "alice", message: "Spec: Login\n\nSpecwright-Run: job-7" }, true],
    [
      "GitHub's merge of a specwright/ branch",
      { authorLogin: "alice", message: "Merge pull request #40 from orbit/specwright/system-specs\n\nSpecs" },
      true,
    ],
    [
      "a person's commit",
      { authorLogin: "alice", authorEmail: "alice@orbit.example", message: "Add docs" },
      false,
    ],
    [
      "a merge of another branch",
      { authorLogin: "alice", message: "Merge pull request #41 from orbit/feature/specwright-docs" },
      false,
    ],
    ["another bot", { authorLogin: "renovate[bot]", message: "Update deps" }, false],
  ])("%s → %s", (_name, commit, expected) => {
    expect(isSpecwrightPushCommit(commit, BOT)).toBe(expected);
  });
});
