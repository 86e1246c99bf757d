import type { Config } from "../core/config/config-schema.js";
import type { AgentSelection } from "../core/plan/select-agents.js";
import type { Usage } from "../core/pricing/usage.js";
import type { AgentRunStatus, RunResult, WrittenFile } from "../core/run/run-result.js";
import type { RepoSnapshot } from "../ports/repo-snapshot.js";

/**
 * The spec engine as its callers (the CLI's `generate` and the app's job runner) see it.
 * Implemented in `src/services/create-spec-engine.ts` over the model port, the repository
 * snapshot and the checker. Every method resolves to a `RunResult`; failures of individual
 * agents are recorded in it, never thrown. Methods throw only for unusable input (e.g. a
 * `ConfigError`, a missing prompt override) before any model call.
 */
export interface SpecEngine {
  /** Runs the selected system-spec agents phase by phase, then the consistency review. */
  generateSystemSpecs(request: SystemSpecsRequest): Promise<RunResult>;
  /** Writes one implementation spec from a discovery document (or an issue). */
  generateImplementationSpec(request: ImplementationSpecRequest): Promise<RunResult>;
  /** Reruns one spec's agent with its current text and reviewers' feedback. */
  reviseSpec(request: ReviseSpecRequest): Promise<RunResult>;
  /** The consistency review only: deterministic checks, plus the LLM pass when `useModel`. */
  reviewSpecs(request: ReviewRequest): Promise<RunResult>;
}

interface EngineRequestBase {
  /** The repository at the commit the specs describe. */
  snapshot: RepoSnapshot;
  config: Config;
  /** Repository name used in prompts when `systemSpecs.project` is not set, e.g. `widgets`. */
  repoName: string;
  onProgress?: (event: ProgressEvent) => void;
  signal?: AbortSignal;
}

export interface SystemSpecsRequest extends EngineRequestBase {
  selection: AgentSelection;
  /** Run the consistency review after the agents (default true). */
  review?: boolean;
  /**
   * Called when every agent of a phase (and of all earlier phases) has settled, with the
   * publishable files so far, so the app can commit a checkpoint. Awaited before going on.
   */
  onPhaseSettled?: (phase: number, files: readonly WrittenFile[]) => Promise<void>;
}

export interface ImplementationSpecRequest extends EngineRequestBase {
  discovery: {
    /** Where the document came from: a repository path, or `issue #12`. */
    source: string;
    title: string;
    /** The discovery document (or issue title, body and permitted comments) as markdown. */
    text: string;
  };
  /** The spec path to write, from `implementationSpecs.output` with the slug filled in. */
  outputPath: string;
}

export interface ReviseSpecRequest extends EngineRequestBase {
  /** The spec file to revise (a system spec's file or an implementation spec's path). */
  specFile: string;
  /** The spec's current text (from the PR branch). */
  currentText: string;
  /** The reviewer's `/spec revise` feedback and the PR's review comments, as markdown. */
  feedback: string;
}

export interface ReviewRequest extends EngineRequestBase {
  useModel: boolean;
}

/** Live progress of a run, for the CLI's progress lines and the app's progress comment. */
export type ProgressEvent =
  | { type: "agent-queued"; agent: string; phase: number }
  | { type: "agent-started"; agent: string; phase: number }
  | { type: "agent-turn"; agent: string; phase: number; turn: number; usage: Usage; elapsedMs: number }
  | {
      type: "agent-finished";
      agent: string;
      phase: number;
      status: AgentRunStatus;
      reason?: string;
      turns: number;
      usage: Usage;
      elapsedMs: number;
    }
  | { type: "phase-settled"; phase: number }
  | { type: "review-started" }
  | { type: "review-finished"; findings: number };
