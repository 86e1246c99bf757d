import { EMPTY_USAGE } from "../../core/pricing/usage.js";
import type { AgentProgress, ProgressState } from "../../core/render/progress-state.js";
import type { ProgressEvent } from "../../services/spec-engine.js";

/** Whether an event changes what the progress comment says (turns only change numbers). */
export function isStateChange(event: ProgressEvent): boolean {
  return event.type !== "agent-turn";
}

function upsert(
  state: ProgressState,
  name: string,
  phase: number,
  change: Partial<AgentProgress>,
): ProgressState {
  const existing = state.agents.find((a) => a.name === name);
  const base: AgentProgress = existing ?? {
    name,
    phase,
    status: { kind: "queued" },
    usage: { ...EMPTY_USAGE },
    durationMs: 0,
  };
  const next = { ...base, ...change };
  return {
    ...state,
    agents: existing ? state.agents.map((a) => (a.name === name ? next : a)) : [...state.agents, next],
  };
}

/** The progress state after one engine event (pure). Review events add a `review` line. */
export function applyProgressEvent(state: ProgressState, event: ProgressEvent): ProgressState {
  switch (event.type) {
    case "agent-queued":
      return upsert(state, event.agent, event.phase, { status: { kind: "queued" } });
    case "agent-started":
      return upsert(state, event.agent, event.phase, { status: { kind: "running", turn: 0 } });
    case "agent-turn":
      return upsert(state, event.agent, event.phase, {
        status: { kind: "running", turn: event.turn },
        usage: event.usage,
        durationMs: event.elapsedMs,
      });
    case "agent-finished": {
      const status: AgentProgress["status"] =
        event.status === "succeeded"
          ? { kind: "succeeded" }
          : event.status === "skipped"
            ? { kind: "skipped", reason: event.reason ?? "a dependency did not finish" }
            : { kind: "failed", reason: event.reason ?? event.status };
      return upsert(state, event.agent, event.phase, {
        status,
        usage: event.usage,
        durationMs: event.elapsedMs,
      });
    }
    case "review-started":
      return upsert(state, "review", phaseAfter(state), {
        title: "Consistency review",
        status: { kind: "running", turn: 0 },
      });
    case "review-finished":
      return upsert(state, "review", phaseAfter(state), {
        title: "Consistency review",
        status: { kind: "succeeded" },
      });
    case "phase-settled":
      return state;
  }
}

function phaseAfter(state: ProgressState): number {
  const review = state.agents.find((a) => a.name === "review");
  if (review) return review.phase;
  return Math.max(0, ...state.agents.map((a) => a.phase)) + 1;
}
