import { redactSecrets } from "../redact-secrets.js";
import { formatDuration, formatUsage } from "./format-units.js";
import type { AgentProgress } from "./progress-state.js";
import { plainText } from "./sanitize-text.js";

function statusWords(agent: AgentProgress): string {
  const s = agent.status;
  if (s.kind === "running") return `running  turn ${s.turn}`;
  if (s.kind === "failed" || s.kind === "skipped") return `${s.kind}: ${plainText(s.reason, 200)}`;
  return s.kind;
}

/**
 * One live terminal line for an agent: `[phase 2] sessions-gateway  running  turn 3  12,345 in
 * (10,000 cached) · 2,345 out  1m 23s`. Plain text without escape sequences; pad names to
 * `nameWidth` to align the lines of several agents.
 */
export function renderAgentProgressLine(agent: AgentProgress, options: { nameWidth?: number } = {}): string {
  const name = plainText(agent.name, 80).padEnd(options.nameWidth ?? 0);
  const parts = [`[phase ${agent.phase}] ${name}`, statusWords(agent)];
  if (agent.status.kind !== "queued" && agent.status.kind !== "skipped") {
    parts.push(formatUsage(agent.usage), formatDuration(agent.durationMs));
  }
  return redactSecrets(parts.join("  "));
}
