import { afterEach, describe, expect, it } from "vitest";
import { createGithubHost } from "../../src/adapters/github/create-github-host.js";
import type { JobContext, JobOctokit } from "../../src/jobs/job-services.js";
import { readRepoConfig } from "../../src/jobs/read-repo-config.js";
import { createGithubMock, type GithubMock } from "../helpers/probot-github.js";
import { BOT, createTestProbot, INSTALLATION_ID } from "../helpers/probot-test-app.js";

async function context(): Promise<JobContext> {
  const octokit = (await createTestProbot().auth(INSTALLATION_ID)) as unknown as JobOctokit;
  const repo = { installationId: INSTALLATION_ID, owner: "orbit", repo: "books", defaultBranch: "main" };
  const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
  return {
    jobId: "job-1",
    repo,
    full: "orbit/books",
    octokit,
    host: createGithubHost({ octokit, owner: "orbit", repo: "books", botLogin: BOT }),
    services: {} as JobContext["services"],
    log,
  };
}

const ORG_FILE = "/repos/orbit/.github/contents/.github%2Fspecwright.yml";
const raw = { "content-type": "application/vnd.github.v3.raw; charset=utf-8" };

let github: GithubMock;
afterEach(() => github?.close());

describe("readRepoConfig (Probot's config plugin, then parseConfig for positions)", () => {
  it("merges the organisation defaults named by _extends", async () => {
    github = createGithubMock()
      .token()
      .config("_extends: .github\nimplementationSpecs:\n  label: spec-please\n");
    github.scope
      .get(ORG_FILE)
      .reply(200, "model:\n  name: claude-opus-5\nimplementationSpecs:\n  label: needs-spec\n", raw);
    const result = await readRepoConfig(await context());
    expect(github.scope.isDone()).toBe(true);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.model.name).toBe("claude-opus-5");
    expect(result.config.implementationSpecs.label).toBe("spec-please");
  });

  it("uses the defaults when the repository and the organisation have no config", async () => {
    github = createGithubMock().token().config(undefined);
    const result = await readRepoConfig(await context());
    expect(github.scope.isDone()).toBe(true);
    expect(result).toMatchObject({ ok: true, config: { implementationSpecs: { label: "needs-spec" } } });
  });

  it("reports YAML syntax errors with their line", async () => {
    const text = "systemSpecs:\n  specsDir: [docs\n";
    github = createGithubMock().token().config(text).configText(text);
    const result = await readRepoConfig(await context());
    expect(github.scope.isDone()).toBe(true);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ file: ".github/specwright.yml", line: 3, key: "" });
    expect(result.problems[0]?.message).toMatch(/^YAML syntax: /);
  });

  it("ignores _extends in the repository's own file and reports problems of the extended file by key", async () => {
    github = createGithubMock()
      .token()
      .config("_extends: .github\nconcurrency: 2\n")
      .configText("_extends: .github\nconcurrency: 2\n");
    github.scope.get(ORG_FILE).reply(200, "budgets:\n  maxTurnsPerAgent: 0\n", raw);
    const result = await readRepoConfig(await context());
    expect(github.scope.isDone()).toBe(true);
    expect(result).toEqual({
      ok: false,
      label: undefined,
      problems: [
        {
          file: ".github/specwright.yml (with the files it extends)",
          line: undefined,
          column: undefined,
          key: "budgets.maxTurnsPerAgent",
          message: "Too small: expected number to be >=1",
        },
      ],
    });
  });

  it("keeps the configured label of an invalid config so label events can tell whether they were meant", async () => {
    const text = "implementationSpecs:\n  label: write-a-spec\n  outptu: specs/{slug}.md\n";
    github = createGithubMock().token().config(text).configText(text);
    const result = await readRepoConfig(await context());
    expect(result).toMatchObject({
      ok: false,
      label: "write-a-spec",
      problems: [{ line: 3, key: "implementationSpecs.outptu" }],
    });
  });
});
