import type { PromptName } from "./prompt-types.js";

/** The agent's limits, which every prompt's first message may state (`renderLimitValues`). */
const LIMITS = ["maxTurns", "maxInputTokens", "maxOutputTokens"] as const;

/**
 * The placeholders each prompt may use, per part. The system part (above the user-message
 * marker) may only use run-level values so it is byte-identical across the agents of a run;
 * the user part carries per-agent or per-job values. Keep in sync with the comment at the top
 * of each file in `prompts/`.
 */
export const PROMPT_PLACEHOLDERS = {
  systemSpec: {
    system: [
      "project",
      "specsDir",
      "boundaryBrief",
      "template",
      "featureRegistry",
      "linesMin",
      "linesMax",
      "rules",
    ],
    user: [
      "title",
      "agentName",
      "specFile",
      "registrySection",
      "inScope",
      "outOfScope",
      "keyFiles",
      "readFirst",
      "agentRules",
      "targetLines",
      ...LIMITS,
    ],
  },
  consistencyReview: {
    system: ["project", "specsDir", "boundaryBrief", "featureRegistry", "linesMin", "linesMax"],
    user: ["specCount", "specList", "findingCount", "findings", ...LIMITS],
  },
  implementationSpec: {
    system: ["sections", "specTemplate"],
    user: ["repo", "today", "discoverySource", "outputPath", "discovery", ...LIMITS],
  },
  agentSpec: {
    system: ["sections", "specTemplate"],
    user: ["repo", "today", "discoverySource", "outputPath", "discovery", ...LIMITS],
  },
} as const satisfies Record<PromptName, { system: readonly string[]; user: readonly string[] }>;

/** Values for one part of one prompt: exactly its documented placeholders. */
export type PlaceholderValues<N extends PromptName, P extends "system" | "user"> = Record<
  (typeof PROMPT_PLACEHOLDERS)[N][P][number],
  string
>;

/** File names of the built-in prompts in Specwright's `prompts/` folder. */
export const BUILTIN_PROMPT_FILES: Readonly<Record<PromptName, string>> = {
  systemSpec: "system-spec.md",
  consistencyReview: "consistency-review.md",
  implementationSpec: "implementation-spec.md",
  agentSpec: "agent-spec.md",
};

/** File name of the built-in implementation-spec skeleton in `prompts/`. */
export const BUILTIN_IMPLEMENTATION_TEMPLATE_FILE = "implementation-spec-template.md";

/** The line that separates a prompt's system part from its first user message. */
export const USER_MESSAGE_MARKER = "<!-- specwright:user-message -->";
