import type { AgentProgressEvent } from "../agents/agent-types.js";
import type { AgentRunRecord } from "../core/run/run-result.js";
import type { ProgressEvent } from "./spec-engine.js";

/** Forwards one agent's progress to the engine's `onProgress`. */
export interface AgentProgressReporter {
  /** Pass to `runAgent` as `onProgress`: reports each finished turn as `agent-turn`. */
  listener: (event: AgentProgressEvent) => void;
  /** Reports `agent-finished` from the agent's record. */
  finished(record: AgentRunRecord): void;
}

/**
 * Reports `agent-started` for `agent` now and returns what forwards the rest of its progress
 * (`agent-turn` per model call, `agent-finished` at the end), with the time elapsed since the
 * start. A listener that throws is ignored: progress display must never break a run.
 */
export function reportAgentProgress(
  onProgress: ((event: ProgressEvent) => void) | undefined,
  agent: string,
  phase: number,
  now: () => number = Date.now,
): AgentProgressReporter {
  const started = now();
  const emit = (event: ProgressEvent): void => {
    try {
      onProgress?.(event);
    } catch {
      // A failing progress listener must not break the agent.
    }
  };
  emit({ type: "agent-started", agent, phase });
  return {
    listener(event) {
      if (event.type !== "turn-finished") return;
      emit({
        type: "agent-turn",
        agent,
        phase,
        turn: event.turn,
        usage: event.usage,
        elapsedMs: now() - started,
      });
    },
    finished(record) {
      emit({
        type: "agent-finished",
        agent,
        phase,
        status: record.status,
        ...(record.reason ? { reason: record.reason } : {}),
        turns: record.turns,
        usage: record.usage,
        elapsedMs: now() - started,
      });
    },
  };
}
