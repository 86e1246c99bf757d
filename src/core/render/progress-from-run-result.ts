import type { AgentRunRecord, AgentRunStatus, RunResult } from "../run/run-result.js";
import type { AgentProgress, ProgressFailure, ProgressLinks, ProgressState } from "./progress-state.js";

/** Plain words for each way an agent can stop without a publishable spec. */
const STATUS_WORDS: Readonly<Record<Exclude<AgentRunStatus, "succeeded" | "skipped">, string>> = {
  "failed-validation": "its spec still failed the checks after the repair rounds",
  "max-turns": "it used its maximum number of turns without submitting a spec",
  "budget-exhausted": "the job's token budget ran out",
  "input-limit": "it reached its input-token limit",
  "output-limit": "it reached its output-token limit",
  "no-submission": "it ended without submitting a spec",
  "model-error": "the model API failed",
};

function toAgentProgress(agent: AgentRunRecord): AgentProgress {
  const common = {
    name: agent.name,
    title: agent.title,
    phase: agent.phase,
    usage: agent.usage,
    durationMs: agent.durationMs,
    costUsd: agent.costUsd,
  };
  if (agent.status === "succeeded") return { ...common, status: { kind: "succeeded" } };
  if (agent.status === "skipped") {
    return { ...common, status: { kind: "skipped", reason: agent.reason ?? "the job stopped first" } };
  }
  return { ...common, status: { kind: "failed", reason: agent.reason ?? STATUS_WORDS[agent.status] } };
}

/** The default job target of a result: `system-specs`, or `spec-<slug>` for an implementation spec. */
function defaultTarget(result: RunResult): string {
  if (result.kind === "system") return "system-specs";
  const file = result.agents[0]?.specFile ?? result.files[0]?.path ?? "implementation";
  return `spec-${(file.split("/").pop() ?? file).replace(/\.md$/i, "")}`;
}

function failureOf(result: RunResult, retryCommand: string | undefined): ProgressFailure | undefined {
  const failed = result.agents.filter((a) => a.status !== "succeeded" && a.status !== "skipped");
  const skipped = result.agents.filter((a) => a.status === "skipped");
  if (failed.length === 0 && skipped.length === 0 && result.failures.length === 0) return undefined;
  const seen = new Set<string>();
  const details = [
    ...failed.map((a) => ({
      agent: a.name,
      message: a.reason ?? STATUS_WORDS[a.status as keyof typeof STATUS_WORDS],
    })),
    ...result.failures.map((f) => ({ ...(f.agent ? { agent: f.agent } : {}), message: f.message })),
  ].filter((d) => {
    const key = `${d.agent ?? ""}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const budgetHit = result.agents.some((a) => a.status === "budget-exhausted");
  const unfinished = [...failed, ...skipped].map((a) => a.name);
  // After a budget stop, skipped agents may not depend on the failed ones: name them all.
  const names = budgetHit || failed.length === 0 ? unfinished : failed.map((a) => a.name);
  const withDependents = !budgetHit && failed.length > 0 && skipped.length > 0;
  const command =
    retryCommand ??
    (result.kind === "system" && names.length > 0
      ? `/spec regenerate ${names.join(" ")}${withDependents ? " --with-dependents" : ""}`
      : undefined);
  const cause = budgetHit
    ? "The job's token budget ran out before every agent finished."
    : failed.length > 0
      ? `${failed.length} of ${result.agents.length} agents did not produce a publishable spec.`
      : (result.failures[0]?.message ?? `${skipped.length} agents were skipped.`);
  return {
    cause,
    details,
    ...(command ? { retryCommand: command } : {}),
    ...(budgetHit
      ? {
          budgetStop: {
            finished: result.agents.filter((a) => a.status === "succeeded").map((a) => a.name),
            unfinished,
          },
        }
      : {}),
  };
}

/**
 * The final progress state of a finished job. `target` defaults to `system-specs` or
 * `spec-<slug>`; `retryCommand` defaults to `/spec regenerate <failed…> [--with-dependents]` for
 * system specs (implementation specs have no default: pass the command that fits the trigger);
 * `notes` are shown to readers (e.g. that some review comments were left out).
 */
export function progressFromRunResult(
  result: RunResult,
  links: ProgressLinks = {},
  options: { target?: string; title?: string; retryCommand?: string; notes?: string[] } = {},
): ProgressState {
  const failure = failureOf(result, options.retryCommand);
  return {
    target: options.target ?? defaultTarget(result),
    kind: result.kind,
    ...(options.title !== undefined ? { title: options.title } : {}),
    commit: result.commit,
    model: result.model,
    agents: result.agents.map(toAgentProgress),
    links,
    ...(options.notes && options.notes.length > 0 ? { notes: options.notes } : {}),
    ...(failure ? { failure } : {}),
    finished: true,
    costUsd: result.costUsd,
    durationMs: result.durationMs,
  };
}
