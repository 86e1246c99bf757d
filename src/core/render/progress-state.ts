import type { Usage } from "../pricing/usage.js";

/** Where one agent is, as shown in the progress comment and the CLI's live lines. */
export type AgentProgressStatus =
  | { kind: "queued" }
  | { kind: "running"; turn: number }
  | { kind: "succeeded" }
  | { kind: "failed"; reason: string }
  | { kind: "skipped"; reason: string };

/** One agent of a job, live. */
export interface AgentProgress {
  name: string;
  /** The spec's title, e.g. `Sessions & Gateway`. */
  title?: string;
  phase: number;
  status: AgentProgressStatus;
  usage: Usage;
  /** Elapsed time so far (running) or the agent's duration (finished). */
  durationMs: number;
  costUsd?: number;
}

/** Links shown once a job has produced them. */
export interface ProgressLinks {
  pullRequest?: { url: string; number?: number };
  checkRun?: { url: string };
  /** Logs or the workflow/job page, when there is one. */
  details?: { url: string };
}

/** Why a job did not fully succeed, in plain words, and how to retry. */
export interface ProgressFailure {
  /** The cause in plain words, e.g. `The model API was overloaded (HTTP 529) and retries ran out.` */
  cause: string;
  /** More causes, one per failed agent or job-level failure. */
  details?: { agent?: string; message: string }[];
  /** The comment that retries, e.g. `/spec regenerate sessions-gateway --with-dependents`. */
  retryCommand?: string;
  /** Set when the job stopped on its token budget: which agents finished and which did not. */
  budgetStop?: { finished: string[]; unfinished: string[] };
}

/** Kinds of jobs, as named in the progress comment's title. */
export type JobKind = "system" | "implementation" | "check" | "revise";

/** Everything the progress comment of one job target shows. */
export interface ProgressState {
  /** The job target, e.g. `system-specs` or `spec-login-rate-limits` (one comment per target). */
  target: string;
  kind: JobKind;
  /** Shown after the kind, e.g. the issue or spec title. */
  title?: string;
  /** The commit the specs describe. */
  commit?: string;
  model?: string;
  agents: AgentProgress[];
  links?: ProgressLinks;
  /** Notes for readers, e.g. that comments from people without write access were left out. */
  notes?: string[];
  failure?: ProgressFailure;
  /** True once the job has ended (successfully or not). */
  finished: boolean;
  /** Total estimated cost, when known. */
  costUsd?: number;
  /** Wall time of the job so far. */
  durationMs?: number;
}
