import type { Finding } from "../../src/core/checks/types.js";
import { EMPTY_USAGE, type Usage } from "../../src/core/pricing/usage.js";
import type { AgentRunRecord, RunResult, WrittenFile } from "../../src/core/run/run-result.js";
import type { ProgressEvent, SpecEngine } from "../../src/services/spec-engine.js";

/** One scripted agent of a system-spec run. */
export interface ScriptedAgent {
  name: string;
  phase: number;
  specFile: string;
  /** Fail with this reason instead of writing the spec. */
  fail?: string;
}

/** Options of `createScriptedEngine`. */
export interface ScriptedEngineOptions {
  agents?: readonly ScriptedAgent[];
  /** Wall time each agent takes (a slow fake model), in milliseconds. */
  agentDelayMs?: number;
  /** Model turns each agent reports. */
  turns?: number;
  findings?: readonly Finding[];
  openQuestions?: readonly string[];
  /** The spec text written for a path. */
  content?: (path: string) => string;
}

const USAGE: Usage = {
  inputTokens: 1200,
  outputTokens: 800,
  cacheReadInputTokens: 9000,
  cacheCreationInputTokens: 3000,
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function record(agent: ScriptedAgent, turns: number, durationMs: number): AgentRunRecord {
  return {
    name: agent.name,
    title: agent.name,
    phase: agent.phase,
    specFile: agent.specFile,
    status: agent.fail ? "model-error" : "succeeded",
    ...(agent.fail ? { reason: agent.fail } : {}),
    turns,
    usage: USAGE,
    costUsd: 0.05,
    durationMs,
    filesRead: [],
    findings: [],
    repairs: 0,
  };
}

/**
 * A `SpecEngine` for runner tests and benchmarks that never calls a model: agents "work" for
 * `agentDelayMs`, emit the progress events a real run emits (queued, started, turns, finished,
 * phase settled, review), call `onPhaseSettled` after each phase with the files so far, and
 * write `content(path)` to their spec file. Calls are recorded.
 */
export function createScriptedEngine(options: ScriptedEngineOptions = {}): SpecEngine & { calls: string[] } {
  const calls: string[] = [];
  const turns = options.turns ?? 3;
  const delay = options.agentDelayMs ?? 0;
  const content = options.content ?? ((path: string) => `# ${path}\n\nWritten by the scripted engine.\n`);

  const result = (
    kind: RunResult["kind"],
    commit: string,
    agents: AgentRunRecord[],
    files: WrittenFile[],
  ): RunResult => ({
    kind,
    commit,
    repository: "scripted",
    model: "claude-sonnet-5-5",
    startedAt: "2026-11-20T10:00:00.000Z",
    durationMs: agents.reduce((sum, a) => sum + a.durationMs, 0),
    files,
    findings: [...(options.findings ?? [])],
    agents,
    usage: agents.reduce(
      (u, a) => ({
        inputTokens: u.inputTokens + a.usage.inputTokens,
        outputTokens: u.outputTokens + a.usage.outputTokens,
        cacheReadInputTokens: u.cacheReadInputTokens + a.usage.cacheReadInputTokens,
        cacheCreationInputTokens: u.cacheCreationInputTokens + a.usage.cacheCreationInputTokens,
      }),
      { ...EMPTY_USAGE },
    ),
    costUsd: agents.length * 0.05,
    openQuestions: [...(options.openQuestions ?? [])],
    failures: [],
  });

  async function runAgent(agent: ScriptedAgent, emit: (e: ProgressEvent) => void): Promise<AgentRunRecord> {
    emit({ type: "agent-started", agent: agent.name, phase: agent.phase });
    for (let turn = 1; turn <= turns; turn += 1) {
      await sleep(delay / turns);
      emit({
        type: "agent-turn",
        agent: agent.name,
        phase: agent.phase,
        turn,
        usage: USAGE,
        elapsedMs: (delay * turn) / turns,
      });
    }
    const done = record(agent, turns, delay);
    emit({
      type: "agent-finished",
      agent: agent.name,
      phase: agent.phase,
      status: done.status,
      ...(agent.fail ? { reason: agent.fail } : {}),
      turns,
      usage: USAGE,
      elapsedMs: delay,
    });
    return done;
  }

  return {
    calls,
    async generateSystemSpecs(request) {
      calls.push("generateSystemSpecs");
      const emit = request.onProgress ?? (() => undefined);
      const agents = options.agents ?? [];
      for (const a of agents) emit({ type: "agent-queued", agent: a.name, phase: a.phase });
      const records: AgentRunRecord[] = [];
      const files: WrittenFile[] = [];
      for (const phase of [...new Set(agents.map((a) => a.phase))].sort((x, y) => x - y)) {
        const done = await Promise.all(agents.filter((a) => a.phase === phase).map((a) => runAgent(a, emit)));
        records.push(...done);
        for (const a of agents.filter((x) => x.phase === phase && !x.fail)) {
          files.push({ path: a.specFile, content: content(a.specFile), author: a.name });
        }
        emit({ type: "phase-settled", phase });
        await request.onPhaseSettled?.(phase, [...files]);
      }
      if (request.review !== false) {
        emit({ type: "review-started" });
        await sleep(delay);
        files.push({
          path: "docs/specs/consistency-review.md",
          content: "# Consistency review\n\nNo findings.\n",
          author: "review",
        });
        emit({ type: "review-finished", findings: options.findings?.length ?? 0 });
      }
      return result("system", request.snapshot.sha, records, files);
    },
    async generateImplementationSpec(request) {
      calls.push("generateImplementationSpec");
      const agent = { name: "implementation-spec", phase: 1, specFile: request.outputPath };
      const done = await runAgent(agent, request.onProgress ?? (() => undefined));
      return result(
        "implementation",
        request.snapshot.sha,
        [done],
        [{ path: request.outputPath, content: content(request.outputPath), author: agent.name }],
      );
    },
    async reviseSpec(request) {
      calls.push("reviseSpec");
      const agent = { name: "revision", phase: 1, specFile: request.specFile };
      const done = await runAgent(agent, request.onProgress ?? (() => undefined));
      return result(
        "implementation",
        request.snapshot.sha,
        [done],
        [{ path: request.specFile, content: content(request.specFile), author: agent.name }],
      );
    },
    async reviewSpecs(request) {
      calls.push("reviewSpecs");
      return result("system", request.snapshot.sha, [], []);
    },
  };
}
