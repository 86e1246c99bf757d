import type { Finding } from "../checks/types.js";
import type { Usage } from "../pricing/usage.js";

/** How one agent's run ended. Only `succeeded` specs are ever published. */
export type AgentRunStatus =
  | "succeeded"
  /** Submitted a spec that still failed the checks after every repair round. */
  | "failed-validation"
  | "max-turns"
  | "budget-exhausted"
  | "input-limit"
  | "output-limit"
  /** Ended without submitting a spec. */
  | "no-submission"
  | "model-error"
  /** Not run: a dependency failed or the job stopped first. */
  | "skipped";

/** What one agent did: shown in progress comments, PR bodies and the CLI summary table. */
export interface AgentRunRecord {
  name: string;
  title: string;
  phase: number;
  specFile: string;
  status: AgentRunStatus;
  /** Why it did not succeed, in plain words (absent on success). */
  reason?: string;
  /** What the user can do about it, e.g. the command to retry. */
  hint?: string;
  turns: number;
  usage: Usage;
  costUsd: number;
  durationMs: number;
  /** Repository files the agent read through its tools, in first-read order. */
  filesRead: string[];
  /** Check findings on the agent's last submitted spec (errors block publishing). */
  findings: Finding[];
  /** Repair rounds used after failed checks. */
  repairs: number;
}

/** A file the run produced that passed the checks and may be committed. */
export interface WrittenFile {
  path: string;
  content: string;
  /** The agent that wrote it; `review` for the consistency review. */
  author: string;
}

/**
 * The result of one job (system specs or one implementation spec): a pure data structure the CLI
 * prints and the GitHub App turns into commits, PR bodies, progress comments, reviews and check runs.
 */
export interface RunResult {
  kind: "system" | "implementation";
  /** The commit the specs describe. */
  commit: string;
  repository: string;
  model: string;
  startedAt: string;
  durationMs: number;
  /** Publishable files: specs that passed the checks, and the review document. */
  files: WrittenFile[];
  /** Findings of the consistency review (deterministic + LLM), with stable ids. */
  findings: Finding[];
  agents: AgentRunRecord[];
  usage: Usage;
  costUsd: number;
  /** Questions the implementation-spec builder could not decide, for reviewers. */
  openQuestions: string[];
  /** Job-level failures (budget exhausted, config problems, review failure). */
  failures: { agent?: string; message: string; hint?: string }[];
}
