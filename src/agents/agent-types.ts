import type { FindingDraft } from "../core/checks/types.js";
import type { Usage } from "../core/pricing/usage.js";
import type { AgentRunStatus } from "../core/run/run-result.js";
import type { ModelPort, SystemBlock, ToolChoice, UserBlock } from "../ports/model.js";
import type { TokenBudget } from "./token-budget.js";
import type { AgentTool } from "./tools/agent-tool.js";
import type { SubmissionTool } from "./tools/submission-tool.js";

/**
 * How an agent run ended: the statuses of a run record (`AgentRunStatus`, documented there)
 * except `skipped`, which only the scheduler gives, plus `aborted`: the caller's signal fired.
 * Only `succeeded` may be published.
 */
export type AgentStatus = Exclude<AgentRunStatus, "skipped"> | "aborted";

/** What one agent run produced. `T` is the submitted value: the spec's Markdown by default. */
export interface AgentResult<T = string> {
  status: AgentStatus;
  /**
   * The last value submitted: the accepted one when `succeeded`; otherwise kept for diagnosis
   * only (callers must not publish it).
   */
  submitted?: T;
  /** `submitted` when it is a string (the spec of a `submit_spec` run). */
  markdown?: string;
  /** Findings of the last submission, all severities (warnings and info of an accepted spec too). */
  findings: FindingDraft[];
  /** How many times the submission tool was called with valid input (repairs = submissions - 1). */
  submissions: number;
  /** Model calls made. */
  turns: number;
  /** Usage summed over all calls, including cache reads and writes. */
  usage: Usage;
  /** Files the agent read, in first-read order. */
  filesRead: string[];
  durationMs: number;
  /** Why the run did not succeed, in plain words. */
  error?: { message: string; hint?: string };
}

/** Per-agent limits (from `budgets` in the config). */
export interface AgentLimits {
  maxTurns: number;
  /** Input tokens (uncached + cache reads + cache writes) summed over all calls. */
  maxInputTokens: number;
  /** Output tokens summed over all calls. */
  maxOutputTokens: number;
}

/** The fixed part of every request an agent sends. */
export interface AgentRequest {
  model: string;
  /** Stable, cacheable prefix first; flag breakpoints with `cache: true` (at most 2 here). */
  system: SystemBlock[];
  /** The per-agent assignment. */
  firstMessage: string | UserBlock[];
  /** `max_tokens` of each call (lowered near the output limit). */
  maxTokens: number;
  toolChoice?: ToolChoice;
  /** Cache breakpoint on the last tool definition. Default true. */
  cacheTools?: boolean;
  /** Cache breakpoint on the newest user block, so each turn reads the previous turn from cache. Default true. */
  cacheConversation?: boolean;
}

/** Live progress of one agent. */
export type AgentProgressEvent =
  | { type: "turn-started"; turn: number }
  | { type: "text"; turn: number; delta: string }
  | { type: "turn-finished"; turn: number; stopReason: string; turnUsage: Usage; usage: Usage }
  | { type: "tool-called"; turn: number; name: string; isError: boolean }
  | { type: "submitted"; turn: number; submission: number; errors: number; accepted: boolean }
  | { type: "finished"; status: AgentStatus; turns: number; usage: Usage; durationMs: number };

/** Everything `runAgent` needs. */
export interface RunAgentBaseOptions<T> {
  model: ModelPort;
  request: AgentRequest;
  /** Read-only tools (`createRepoTools(...).tools`); the submission tool is added by the loop. */
  tools: readonly AgentTool[];
  /** Reports the files the tools read (`createRepoTools(...).filesRead`). */
  filesRead?: () => readonly string[];
  limits: AgentLimits;
  /** Shared by every agent of the job. */
  budget: TokenBudget;
  /** Checks a submitted value. Error findings block acceptance; warnings and info do not. */
  validate: (submitted: T) => Promise<readonly FindingDraft[]> | readonly FindingDraft[];
  /** How many times a rejected submission may be fixed and resubmitted. */
  repairRounds: number;
  onProgress?: (event: AgentProgressEvent) => void;
  signal?: AbortSignal;
  /** Clock for `durationMs` (tests). */
  now?: () => number;
}

/**
 * Options of `runAgent`. The submission tool defaults to `submit_spec` (Markdown string); a
 * run that submits anything else (e.g. a structured review) must name its tool.
 */
export type RunAgentOptions<T = string> = RunAgentBaseOptions<T> &
  (string extends T ? { submission?: SubmissionTool<T> } : { submission: SubmissionTool<T> });
