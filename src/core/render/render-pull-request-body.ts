import { totalInputTokens } from "../pricing/usage.js";
import { redactSecrets } from "../redact-secrets.js";
import type { AgentRunRecord, RunResult } from "../run/run-result.js";
import { countBySeverity, formatSeverityCounts } from "./count-by-severity.js";
import { categoryOfRule, FINDING_CATEGORIES } from "./finding-categories.js";
import { formatDuration, formatTokens, formatUsd, plural, shortSha } from "./format-units.js";
import { renderRunMetadata } from "./pull-request-metadata.js";
import { codeSpan, markerSafe, safeUrl, sanitizeInline, tableCell } from "./sanitize-text.js";
import { GITHUB_BODY_LIMIT, truncateForGithub, truncateList } from "./truncate-for-github.js";

/** What the PR body is rendered from. */
export interface PullRequestBodyInput {
  result: RunResult;
  /** The job target, e.g. `system-specs` or `spec-login-rate-limits`. */
  target: string;
  /** The repository's web URL (`https://github.com/owner/repo`), for the commit link. */
  repositoryUrl?: string;
  /** Why this run happened, in plain words, e.g. `@octo asked for /spec regenerate all in #12`. */
  trigger?: string;
  /** The issue the spec is written for (adds `Refs #N`). */
  issueNumber?: number;
  /** Where an implementation spec came from (`issue #12` or the document's path), kept in the run marker. */
  source?: string;
  /** Notes for reviewers, e.g. that comments from users without write access were left out. */
  notes?: string[];
}

/** The hidden marker that identifies Specwright's pull request for a job target. */
export function pullRequestMarker(target: string): string {
  return `<!-- specwright:pr:${markerSafe(target)} -->`;
}

const STATUS_TEXT: Readonly<Record<AgentRunRecord["status"], string>> = {
  succeeded: "✅ succeeded",
  "failed-validation": "❌ failed checks",
  "max-turns": "❌ turn limit",
  "budget-exhausted": "❌ budget ran out",
  "input-limit": "❌ input limit",
  "output-limit": "❌ output limit",
  "no-submission": "❌ no spec submitted",
  "model-error": "❌ model error",
  skipped: "⏭️ skipped",
};

function metadataMarker(input: PullRequestBodyInput): string {
  const { result } = input;
  return renderRunMetadata({
    target: input.target,
    kind: result.kind,
    commit: result.commit,
    ...(input.source !== undefined ? { source: input.source } : {}),
    model: result.model,
    startedAt: result.startedAt,
    agents: result.agents.map((a) => a.name),
  });
}

/** The commit the specs describe, linked on the repository's web page when its URL is known. */
export function renderCommitLink(sha: string, repositoryUrl: string | undefined): string {
  const base = safeUrl(repositoryUrl);
  const label = codeSpan(shortSha(sha));
  return base && /^[0-9a-f]{7,40}$/i.test(sha)
    ? `[${label}](${base.replace(/\/+$/, "")}/commit/${sha})`
    : label;
}

function agentRow(a: AgentRunRecord): string {
  const cached =
    a.usage.cacheReadInputTokens > 0 ? ` (${formatTokens(a.usage.cacheReadInputTokens)} cached)` : "";
  const cells = [
    codeSpan(a.name, 100),
    String(a.phase),
    STATUS_TEXT[a.status],
    String(a.filesRead.length),
    `${formatTokens(totalInputTokens(a.usage))}${cached}`,
    formatTokens(a.usage.outputTokens),
    formatUsd(a.costUsd),
    formatDuration(a.durationMs),
  ];
  return `| ${cells.map(tableCell).join(" | ")} |`;
}

function findingsSection(result: RunResult): string[] {
  const { findings } = result;
  if (findings.length === 0) return ["### Consistency findings", "", "✅ No findings."];
  const rows = FINDING_CATEGORIES.flatMap((category) => {
    const group = findings.filter((f) => categoryOfRule(f.rule).id === category.id);
    if (group.length === 0) return [];
    const c = countBySeverity(group);
    return [`| ${category.name} | ${c.error} | ${c.warning} | ${c.info} |`];
  });
  return [
    "### Consistency findings",
    "",
    `${formatSeverityCounts(countBySeverity(findings))}: see the review on this pull request and the **Specwright consistency** check.`,
    "",
    "| Category | Errors | Warnings | Info |",
    "|---|---:|---:|---:|",
    ...rows,
  ];
}

/**
 * How to iterate on the pull request. An implementation spec is revised as it is, or drafted
 * again from its source under its own name; a system-spec PR may change several specs, so
 * `/spec revise` names the spec and `/spec regenerate` takes agent names.
 */
export function renderIterateAdvice(kind: RunResult["kind"], target: string, example?: string): string[] {
  if (kind === "implementation") {
    return [
      "### How to iterate",
      "",
      "Comment on this pull request:",
      "- `/spec revise <feedback>`: rewrite the spec with your feedback and this PR's review comments (pushes a new commit here).",
      `- ${codeSpan(`/spec regenerate ${target}`)}: draft the spec again from its source (the issue or the discovery document); the new commit goes on top of this branch.`,
      "- `/spec check`: run the consistency review again.",
    ];
  }
  const name = example ?? "<name>";
  return [
    "### How to iterate",
    "",
    "Comment on this pull request:",
    `- ${codeSpan(`/spec revise ${name} <feedback>`)}: rewrite one spec of this PR (start with its name) with your feedback and this PR's review comments (pushes a new commit here).`,
    `- ${codeSpan(`/spec regenerate ${name}`)}: rerun one spec's agent from the current code; add \`--with-dependents\` to rerun the specs that read it.`,
    "- `/spec check`: run the consistency review again.",
  ];
}

/**
 * The body of Specwright's pull request: hidden markers (job target and run metadata), what
 * changed and why, the commit the specs describe, a per-agent table (status, files read, tokens
 * incl. cache reads, estimated cost, time) with collapsed lists of the files each agent read,
 * model and totals, open questions for reviewers, finding counts and how to iterate. Lists are
 * shortened with "… and N more" so the body stays under GitHub's 65,536-character limit.
 */
export function renderPullRequestBody(input: PullRequestBodyInput): string {
  const { result } = input;
  const specs = result.files.filter((f) => f.author !== "review");
  const review = result.files.filter((f) => f.author === "review");
  const failed = result.agents.filter((a) => a.status !== "succeeded");

  const head = [pullRequestMarker(input.target), metadataMarker(input), "## What changed and why", ""];
  head.push(
    `Specwright's agents wrote ${plural(specs.length, "spec")} from the code at ${renderCommitLink(result.commit, input.repositoryUrl)}` +
      `${result.kind === "implementation" ? " (implementation spec)" : ""}.`,
  );
  if (input.trigger) head.push("", `**Why:** ${sanitizeInline(input.trigger, 500)}`);
  if (input.issueNumber !== undefined && Number.isInteger(input.issueNumber))
    head.push("", `Refs #${input.issueNumber}`);
  if (failed.length > 0) {
    head.push(
      "",
      `⚠️ ${plural(failed.length, "agent")} did not produce a publishable spec; their specs are not in this pull request (see the table below).`,
    );
  }
  for (const note of input.notes ?? []) head.push("", `> ${sanitizeInline(note, 500)}`);

  const changed = [...specs, ...review].map(
    (f) =>
      `- ${codeSpan(f.path)}${f.author === "review" ? " (consistency review)" : ` by ${codeSpan(f.author, 100)}`}`,
  );
  head.push(
    "",
    "### Specs changed",
    "",
    ...(changed.length ? truncateList(changed, { maxItems: 100 }) : ["None."]),
  );

  const table = [
    "",
    "### Agents",
    "",
    "| Agent | Phase | Status | Files read | Input tokens | Output tokens | Est. cost | Time |",
    "|---|---:|---|---:|---:|---:|---:|---:|",
    ...result.agents.map(agentRow),
    "",
    `**Model:** ${codeSpan(result.model, 100)} · **Total:** ${formatTokens(totalInputTokens(result.usage))} input tokens` +
      ` (${formatTokens(result.usage.cacheReadInputTokens)} cached), ${formatTokens(result.usage.outputTokens)} output,` +
      ` est. ${formatUsd(result.costUsd)}, ${formatDuration(result.durationMs)}`,
  ];

  const questions = result.openQuestions.map((q) => `- [ ] ${sanitizeInline(q, 1000)}`);
  const tail = [
    "",
    "### Open questions for reviewers",
    "",
    ...(questions.length ? truncateList(questions, { maxItems: 50 }) : ["None."]),
    "",
    ...findingsSection(result),
    "",
    ...renderIterateAdvice(result.kind, input.target, result.agents[0]?.name),
    "",
    "<sub>Token costs are estimates from list prices. Input tokens include cache reads and writes.</sub>",
  ];

  const fixedLength = [...head, ...table, ...tail].join("\n").length;
  const readers = result.agents.filter((a) => a.filesRead.length > 0);
  const perAgent = Math.floor((GITHUB_BODY_LIMIT - fixedLength - 2_000) / Math.max(1, readers.length)) - 120;
  const filesRead = readers.flatMap((a) => [
    "",
    `<details><summary><code>${sanitizeInline(a.name, 100)}</code> read ${plural(a.filesRead.length, "file")}</summary>`,
    "",
    ...truncateList(
      a.filesRead.map((path) => `- ${codeSpan(path)}`),
      { maxItems: 200, maxChars: Math.max(0, perAgent) },
    ),
    "",
    "</details>",
  ]);

  return redactSecrets(truncateForGithub([...head, ...table, ...filesRead, ...tail].join("\n")));
}
