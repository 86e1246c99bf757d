/** A `/spec …` command found in an issue or pull-request comment. */
export type SpecCommand =
  | { kind: "regenerate"; names: string[]; withDependents: boolean; force: boolean }
  | { kind: "check" }
  | { kind: "plan"; names: string[] }
  | { kind: "revise"; feedback: string }
  | { kind: "help" }
  | { kind: "unknown"; verb: string; suggestions: string[] }
  | { kind: "invalid"; verb: SpecVerb; message: string };

export const SPEC_VERBS = ["regenerate", "check", "plan", "revise", "help"] as const;
export type SpecVerb = (typeof SPEC_VERBS)[number];

/** One line per verb, for `/spec help` and for replies to unknown commands. */
export const SPEC_USAGE: Readonly<Record<SpecVerb, string>> = {
  regenerate:
    "/spec regenerate <name…|all> [--with-dependents] [--force] — rerun spec agents and update the PR",
  check: "/spec check — run the consistency review only (no model calls for the deterministic part)",
  plan: "/spec plan [name…] — show the phase plan as a comment (no model calls)",
  revise:
    "/spec revise <feedback> — on a Specwright PR: rewrite the spec with your feedback and the review comments",
  help: "/spec help — this list",
};
