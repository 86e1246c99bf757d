import { scheduleAgents, type AgentOutcome } from "../agents/schedule-agents.js";
import { TokenBudget } from "../agents/token-budget.js";
import type { Finding } from "../core/checks/types.js";
import type { PlannedAgent } from "../core/plan/plan-types.js";
import type { AgentRunRecord, RunResult, WrittenFile } from "../core/run/run-result.js";
import { buildRunResult } from "./build-run-result.js";
import { buildSystemSpecRequest } from "./build-system-spec-request.js";
import { collectEarlierSpecs } from "./collect-earlier-specs.js";
import { createSpecValidator } from "./create-spec-validator.js";
import { overlaySnapshot } from "./overlay-snapshot.js";
import { prepareSystemRun } from "./prepare-system-run.js";
import { readTextFile } from "./read-text-file.js";
import { runConsistencyReview } from "./run-consistency-review.js";
import { runSystemSpecAgent } from "./run-system-spec-agent.js";
import { skippedAgentRecord } from "./skipped-agent-record.js";
import { safeProgress, type SpecEngineDeps } from "./spec-engine-deps.js";
import type { SystemSpecsRequest } from "./spec-engine.js";

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Runs the selected system-spec agents and then the consistency review:
 * 1. loads the prompts and plans the run; a plan with errors ends here, with the problems as
 *    failures and no model call;
 * 2. runs the agents phase by phase (`config.concurrency` at once): an agent starts once every
 *    agent of the earlier phases has settled and the ones it depends on have succeeded. Each
 *    gets the cached shared prefix plus every spec of the earlier phases (this run's, else the
 *    commit's) and the files it reads, so agents of one phase send byte-identical system
 *    blocks; read-only tools over the commit plus the specs written so far; its spec checked at
 *    every submission; and the job's shared token budget;
 * 3. after each phase, hands the publishable specs so far to `onPhaseSettled` (checkpoints)
 *    and starts no further agent until it has returned;
 * 4. unless `review: false` (or nothing was written, or the job was cancelled), runs the
 *    consistency review over the commit plus the new specs.
 * A failing agent's dependents are skipped with a reason; everything else completes. Only
 * specs that passed the checks are in `files`.
 */
export async function generateSystemSpecs(
  deps: SpecEngineDeps,
  request: SystemSpecsRequest,
): Promise<RunResult> {
  const { snapshot, config, repoName, signal } = request;
  const startedMs = deps.now();
  const emit = safeProgress(request.onProgress);
  const setup = await prepareSystemRun(deps, { snapshot, config, selection: request.selection });
  const { prompts, systemSpecs, plan, shared } = setup;
  const failures: RunResult["failures"] = [...setup.failures];
  const finish = (parts: { files: WrittenFile[]; findings: Finding[]; agents: AgentRunRecord[] }) =>
    buildRunResult({
      kind: "system",
      commit: snapshot.sha,
      repository: repoName,
      model: config.model.name,
      startedMs,
      endedMs: deps.now(),
      failures,
      ...parts,
    });
  if (failures.length > 0) return finish({ files: [], findings: [], agents: [] });

  const written = new Map<string, string>();
  const overlay = overlaySnapshot(snapshot, written);
  const budget = new TokenBudget(config.budgets.maxTokensPerJob);
  const validator = createSpecValidator({
    snapshot: overlay,
    config,
    pendingFiles: plan.agents.map((a) => a.specFile),
  });
  const planned = new Map(plan.agents.map((a) => [a.name, a] as const));
  const records = new Map<string, AgentRunRecord>();
  const publishable = (): WrittenFile[] =>
    plan.agents.flatMap((a) => {
      const content = records.get(a.name)?.status === "succeeded" ? written.get(a.specFile) : undefined;
      return content === undefined ? [] : [{ path: a.specFile, content, author: a.name }];
    });
  // An agent that ends without running (skipped, cancelled, or a bug): record it and say so.
  const settleUnrun = (record: AgentRunRecord) => {
    records.set(record.name, record);
    const { name: agent, phase, status, usage } = record;
    emit({
      type: "agent-finished",
      agent,
      phase,
      status,
      reason: record.reason ?? "",
      turns: 0,
      usage,
      elapsedMs: 0,
    });
  };
  const settleSkipped = (agent: PlannedAgent, reason: string, hint?: string) =>
    settleUnrun(skippedAgentRecord(agent, reason, hint));

  // After each phase: the publishable specs so far go to onPhaseSettled (the app's checkpoint
  // commit, the CLI's write). The scheduler starts no agent before that has finished.
  // Parse the context documents, then each phase's new specs, while the next agents wait for
  // the model instead of when their submissions are checked. Deferred past the requests.
  const warm = (paths: readonly string[]) =>
    setTimeout(() => void validator.warm(paths).catch(() => undefined), 0);
  warm([]);
  const onPhaseSettled = async (phase: number) => {
    warm(publishable().flatMap((f) => (planned.get(f.author)?.phase === phase ? [f.path] : [])));
    emit({ type: "phase-settled", phase });
    try {
      await request.onPhaseSettled?.(phase, publishable());
    } catch (error) {
      failures.push({ message: `Saving the specs of phase ${phase} failed: ${messageOf(error)}` });
    }
  };
  for (const a of plan.agents) emit({ type: "agent-queued", agent: a.name, phase: a.phase });

  const run = async (name: string) => {
    const agent = planned.get(name) as PlannedAgent;
    if (signal?.aborted) {
      settleSkipped(agent, "The job was cancelled before this agent started.");
      return { ok: false as const, reason: "cancelled" };
    }
    try {
      // Every earlier phase has settled (phase barrier): this run's specs, else the commit's.
      const earlierSpecs = await collectEarlierSpecs({
        agent,
        agents: setup.agents.values(),
        phases: setup.phases,
        read: (path) => readTextFile(overlay, path),
      });
      const outcome = await runSystemSpecAgent({
        model: deps.model,
        config,
        agent: { name, title: agent.title, phase: agent.phase, specFile: agent.specFile },
        request: buildSystemSpecRequest({
          config,
          systemSpecs,
          planned: agent,
          agent: setup.agents.get(name) as NonNullable<ReturnType<typeof setup.agents.get>>,
          prompt: prompts.systemSpec,
          repoName,
          shared,
          earlierSpecs,
        }),
        snapshot: overlay,
        validator,
        budget,
        onProgress: emit,
        now: deps.now,
        ...(signal ? { signal } : {}),
      });
      records.set(name, outcome.record);
      if (outcome.markdown === undefined) return { ok: false as const, reason: outcome.record.status };
      written.set(agent.specFile, outcome.markdown);
      return { ok: true as const, value: undefined };
    } catch (error) {
      // Only a bug gets here (runAgent reports model trouble in its result).
      const record: AgentRunRecord = {
        ...skippedAgentRecord(agent, `Specwright failed while running this agent: ${messageOf(error)}`),
        status: "model-error",
        hint: "This is a bug in Specwright; please report it with the message above.",
      };
      settleUnrun(record);
      return { ok: false as const, reason: record.reason ?? "failed" };
    }
  };

  await scheduleAgents(plan.agents, run, {
    concurrency: config.concurrency,
    phaseBarrier: true,
    onSettled: (outcome: AgentOutcome<undefined>) => {
      const agent = planned.get(outcome.name);
      if (outcome.status === "skipped" && agent && !records.has(outcome.name)) {
        const reason = outcome.reason.charAt(0).toUpperCase() + outcome.reason.slice(1);
        const hint = "Fix the failed agent's problem, then run it again with --with-dependents.";
        settleSkipped(agent, `${reason}.`, hint);
      }
    },
    onPhaseSettled,
  });

  const agents = plan.agents.map((a) => records.get(a.name) ?? skippedAgentRecord(a, "It was not run."));
  const files = publishable();
  let findings: Finding[] = [];
  if (request.review !== false && files.length > 0) {
    if (signal?.aborted) {
      failures.push({ message: "The job was cancelled before the consistency review." });
    } else {
      const review = await runConsistencyReview({
        model: deps.model,
        snapshot: overlay,
        config,
        repoName,
        prompts,
        budget,
        // The review itself honours systemSpecs.review.llm (and says so in the review file).
        useModel: true,
        writtenFiles: files,
        onProgress: emit,
        phase: Math.max(...plan.agents.map((a) => a.phase)) + 1,
        now: deps.now,
        ...(signal ? { signal } : {}),
      });
      findings = review.findings;
      if (review.file) files.push(review.file);
      if (review.record) agents.push(review.record);
      failures.push(...review.failures);
    }
  }
  return finish({ files, findings, agents });
}
