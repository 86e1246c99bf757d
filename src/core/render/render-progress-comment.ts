import { addUsage, EMPTY_USAGE } from "../pricing/usage.js";
import { redactSecrets } from "../redact-secrets.js";
import { formatDuration, formatUsage, formatUsd, shortSha } from "./format-units.js";
import type { AgentProgress, AgentProgressStatus, JobKind, ProgressState } from "./progress-state.js";
import { codeSpan, markerSafe, plainText, safeUrl, sanitizeInline } from "./sanitize-text.js";
import { truncateForGithub, truncateList } from "./truncate-for-github.js";

const KIND_TITLE: Readonly<Record<JobKind, string>> = {
  system: "System specs",
  implementation: "Implementation spec",
  check: "Consistency check",
  revise: "Spec revision",
};

/** The hidden marker that identifies the one progress comment of a job target. */
export function progressMarker(target: string): string {
  return `<!-- specwright:progress:${markerSafe(target)} -->`;
}

/** An agent's status in words: `queued`, `running (turn 3)`, `succeeded`, `failed: …`, `skipped: …`. */
export function describeAgentStatus(status: AgentProgressStatus): string {
  switch (status.kind) {
    case "running":
      return `running (turn ${status.turn})`;
    case "failed":
    case "skipped":
      return `${status.kind}: ${sanitizeInline(status.reason, 300)}`;
    default:
      return status.kind;
  }
}

function agentLine(agent: AgentProgress): string {
  const box = agent.status.kind === "succeeded" ? "[x]" : "[ ]";
  const title = agent.title && agent.title !== agent.name ? ` (${sanitizeInline(agent.title, 120)})` : "";
  const parts = [
    `Phase ${agent.phase} · **${codeSpan(agent.name, 100)}**${title} — ${describeAgentStatus(agent.status)}`,
  ];
  if (agent.status.kind !== "queued" && agent.status.kind !== "skipped") {
    parts.push(formatUsage(agent.usage));
    if (agent.costUsd !== undefined) parts.push(formatUsd(agent.costUsd));
    parts.push(formatDuration(agent.durationMs));
  }
  return `- ${box} ${parts.join(" · ")}`;
}

function heading(state: ProgressState): string {
  const succeeded = state.agents.filter((a) => a.status.kind === "succeeded").length;
  const [icon, words] = !state.finished
    ? ["⏳", "in progress"]
    : !state.failure
      ? ["✅", "done"]
      : succeeded > 0
        ? ["⚠️", "finished with problems"]
        : ["❌", "failed"];
  const title = state.title ? `: ${sanitizeInline(state.title, 200)}` : "";
  return `### ${icon} Specwright · ${KIND_TITLE[state.kind]}${title} — ${words}`;
}

function linksLine(state: ProgressState): string | undefined {
  const parts: string[] = [];
  const pr = state.links?.pullRequest;
  const prUrl = safeUrl(pr?.url);
  if (pr && prUrl)
    parts.push(`**Pull request:** [${pr.number !== undefined ? `#${pr.number}` : "open"}](${prUrl})`);
  const checkUrl = safeUrl(state.links?.checkRun?.url);
  if (checkUrl) parts.push(`**Check run:** [Specwright consistency](${checkUrl})`);
  const detailsUrl = safeUrl(state.links?.details?.url);
  if (detailsUrl) parts.push(`[Details](${detailsUrl})`);
  return parts.length > 0 ? parts.join(" · ") : undefined;
}

function failureBlock(state: ProgressState): string[] {
  const failure = state.failure;
  if (!failure) return [];
  const out = ["", `**What went wrong:** ${sanitizeInline(failure.cause, 1000)}`];
  const details = (failure.details ?? []).map(
    (d) => `- ${d.agent ? `${codeSpan(d.agent, 100)}: ` : ""}${sanitizeInline(d.message, 600)}`,
  );
  out.push(...truncateList(details, { maxItems: 30 }));
  if (failure.budgetStop) {
    const names = (list: readonly string[]) =>
      list.length === 0 ? "none" : list.map((n) => codeSpan(n, 100)).join(", ");
    out.push(
      "",
      `The job stopped on its token budget. **Finished:** ${names(failure.budgetStop.finished)}. ` +
        `**Not finished:** ${names(failure.budgetStop.unfinished)}. Finished specs are kept.`,
    );
  }
  if (failure.retryCommand) {
    const command = plainText(failure.retryCommand, 3000).replace(/`/g, "");
    out.push("", "To retry, comment:", "", "```", command, "```");
  }
  return out;
}

/**
 * The one living progress comment of a job target, edited as work proceeds: hidden marker,
 * title with the job's state, a checkbox per agent (phase, status, tokens incl. cache reads,
 * cost, time), totals, links to the PR and check run, and on failure the cause in plain words,
 * what finished (budget stops) and the retry command.
 */
export function renderProgressComment(state: ProgressState): string {
  const out = [progressMarker(state.target), heading(state)];
  const meta: string[] = [];
  if (state.commit) meta.push(`Commit ${codeSpan(shortSha(state.commit))}`);
  if (state.model) meta.push(`model ${codeSpan(state.model, 100)}`);
  if (meta.length > 0) out.push("", meta.join(" · "));
  for (const note of state.notes ?? []) out.push("", `> ${sanitizeInline(note, 500)}`);
  if (state.agents.length > 0) {
    out.push("", ...[...state.agents].sort((a, b) => a.phase - b.phase).map(agentLine));
    const done = state.agents.filter((a) => a.status.kind === "succeeded").length;
    const usage = state.agents.reduce((sum, a) => addUsage(sum, a.usage), { ...EMPTY_USAGE });
    const total = [`${done} of ${state.agents.length} agents done`, formatUsage(usage)];
    if (state.costUsd !== undefined) total.push(`est. ${formatUsd(state.costUsd)}`);
    if (state.durationMs !== undefined) total.push(formatDuration(state.durationMs));
    out.push("", `**Total:** ${total.join(" · ")}`);
  }
  const links = linksLine(state);
  if (links) out.push("", links);
  out.push(...failureBlock(state));
  out.push(
    "",
    state.finished
      ? "<sub>Costs are estimates from list prices.</sub>"
      : "<sub>This comment is updated as the job runs. Costs are estimates from list prices.</sub>",
  );
  return redactSecrets(truncateForGithub(out.join("\n")));
}
