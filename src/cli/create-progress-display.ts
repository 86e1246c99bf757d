import { EMPTY_USAGE } from "../core/pricing/usage.js";
import { formatTokens } from "../core/render/format-units.js";
import type { AgentProgress } from "../core/render/progress-state.js";
import { renderAgentProgressLine } from "../core/render/render-agent-progress-line.js";
import type { ProgressEvent } from "../services/spec-engine.js";
import type { CliIo } from "./io.js";

/** Live progress of a `generate` run in the terminal. */
export interface ProgressDisplay {
  onProgress(event: ProgressEvent): void;
  /** Stops the refresh timer and draws the final state (TTY). */
  stop(): void;
}

/** ANSI: move to the start of the line `n` lines up, then clear to the end of the screen. */
const up = (n: number) => (n > 0 ? `\u001b[${n}F\u001b[J` : "");

/**
 * Shows one line per agent: phase, status, turn, tokens (cached), elapsed time. On a terminal
 * the lines form a block redrawn in place on every event and once a second (elapsed time);
 * otherwise (CI logs, pipes) each event prints one line: start, each turn, finish.
 */
export function createProgressDisplay(io: CliIo, now: () => number = Date.now): ProgressDisplay {
  const agents = new Map<string, AgentProgress & { startedAt?: number }>();
  const notes: string[] = [];
  let drawn = 0;
  let timer: ReturnType<typeof setInterval> | undefined;

  const get = (name: string, phase: number) => {
    let agent = agents.get(name);
    if (!agent) {
      agent = { name, phase, status: { kind: "queued" }, usage: { ...EMPTY_USAGE }, durationMs: 0 };
      agents.set(name, agent);
    }
    return agent;
  };
  const width = () => Math.max(0, ...[...agents.keys()].map((n) => n.length));
  const lineOf = (agent: AgentProgress & { startedAt?: number }) => {
    const running = agent.status.kind === "running" && agent.startedAt !== undefined;
    const shown = running ? { ...agent, durationMs: now() - (agent.startedAt ?? now()) } : agent;
    return renderAgentProgressLine(shown, { nameWidth: width() });
  };
  const draw = () => {
    const lines = [...[...agents.values()].sort((a, b) => a.phase - b.phase).map(lineOf), ...notes];
    io.out(`${up(drawn)}${lines.join("\n")}`);
    drawn = lines.length;
  };

  const apply = (event: ProgressEvent): string | undefined => {
    switch (event.type) {
      case "agent-queued":
        get(event.agent, event.phase);
        return undefined;
      case "agent-started": {
        const agent = get(event.agent, event.phase);
        agent.status = { kind: "running", turn: 0 };
        agent.startedAt = now();
        return lineOf(agent);
      }
      case "agent-turn": {
        const agent = get(event.agent, event.phase);
        agent.status = { kind: "running", turn: event.turn };
        agent.usage = event.usage;
        return lineOf(agent);
      }
      case "agent-finished": {
        const agent = get(event.agent, event.phase);
        const reason = event.reason ?? event.status;
        agent.status =
          event.status === "succeeded"
            ? { kind: "succeeded" }
            : event.status === "skipped"
              ? { kind: "skipped", reason }
              : { kind: "failed", reason: `${event.status}: ${reason}` };
        agent.usage = event.usage;
        agent.durationMs = event.elapsedMs;
        return lineOf(agent);
      }
      case "phase-settled":
        return `phase ${event.phase} settled`;
      case "review-started":
        notes.push("consistency review: checking the specs…");
        return "consistency review started";
      case "review-finished": {
        const text = `consistency review: ${formatTokens(event.findings)} finding${event.findings === 1 ? "" : "s"}`;
        notes.splice(0, notes.length, text);
        return text;
      }
    }
  };

  return {
    onProgress(event) {
      const line = apply(event);
      if (!io.isTTY) {
        if (line !== undefined) io.out(line);
        return;
      }
      if (event.type === "phase-settled") return;
      draw();
      timer ??= setInterval(draw, 1000);
      timer.unref?.();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      if (io.isTTY && agents.size > 0) draw();
    },
  };
}
