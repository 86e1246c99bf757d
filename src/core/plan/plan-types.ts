/** What kind of problem the planner found; part of `plan --format json`. */
export type PlanProblemKind =
  | "unknown-agent"
  | "unknown-dependency"
  | "cycle"
  | "phase-order"
  | "duplicate-agent"
  | "duplicate-spec-file"
  | "missing-key-file"
  | "missing-read"
  | "missing-context";

export interface PlanProblem {
  kind: PlanProblemKind;
  /** Errors make `plan` exit non-zero and stop a run; warnings are shown only. */
  severity: "error" | "warning";
  message: string;
  agent: string | undefined;
  path: string | undefined;
}

export interface PlannedKeyFile {
  path: string;
  note: string | undefined;
  /** A file, or a directory with at least one file under it, at the planned commit. */
  exists: boolean;
  /** Number of files the path expands to (1 for a file, n for a directory, 0 when missing). */
  files: number;
}

export interface PlannedAgent {
  name: string;
  title: string;
  phase: number;
  specFile: string;
  /** Agents that must finish first (explicit dependencies plus agents whose specs this one reads). */
  dependsOn: string[];
  /** Spec files this agent reads before writing (earlier specs, in order). */
  reads: string[];
  /** Shared context files every agent reads (boundary brief, template, registry) that exist. */
  context: string[];
  registrySection: string | undefined;
  keyFiles: PlannedKeyFile[];
  estimatedInputTokens: number;
}

export interface PhasePlan {
  phase: number;
  agents: string[];
}

export interface Plan {
  phases: PhasePlan[];
  /** The selected agents, in phase order then config order. */
  agents: PlannedAgent[];
  problems: PlanProblem[];
}
