/** The four prompts Specwright sends; each has a built-in file and an optional repository override. */
export type PromptName = "systemSpec" | "consistencyReview" | "implementationSpec" | "agentSpec";

/** A prompt file's raw text (placeholders unfilled) and where it came from. */
export interface PromptTemplate {
  /** File text as read, including the leading comment and the user-message marker. */
  text: string;
  /** Where the text came from, for error messages: `prompts/system-spec.md (built-in)` or the override path. */
  source: string;
  /** True for Specwright's own file, false for a repository override. */
  builtin: boolean;
}

/** Every prompt template a run may need, plus the implementation-spec skeleton. */
export type LoadedPrompts = Record<PromptName, PromptTemplate> & {
  /** The implementation-spec skeleton (built-in or `implementationSpecs.template`); inserted verbatim, never filled. */
  implementationTemplate: PromptTemplate;
};

/**
 * One text block of a system prompt. `cache: true` marks a prompt-caching breakpoint: the
 * model adapter sends `cache_control: { type: "ephemeral" }` on that block, caching everything
 * up to and including it.
 */
export interface PromptBlock {
  text: string;
  cache: boolean;
}
