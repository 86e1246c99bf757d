import { fillTemplate } from "./fill-template.js";
import { listTemplateSections } from "./list-template-sections.js";
import type { PlaceholderValues } from "./prompt-placeholders.js";
import type { PromptBlock } from "./prompt-types.js";
import { renderLimitValues, type PromptLimits } from "./render-limit-values.js";
import { splitPromptTemplate } from "./split-prompt-template.js";

export interface BuildImplementationSpecPromptInput {
  /** The implementation-spec or agent-spec prompt file, unfilled (see `routeWorkType`). */
  prompt: { text: string; source: string };
  /** The implementation-spec skeleton (built-in or `implementationSpecs.template`), inserted verbatim. */
  specTemplate: { text: string; source: string };
  /** Repository name for the Meta table, e.g. `acme/widgets`. */
  repoName: string;
  /** Today's date as `YYYY-MM-DD` (passed in: core code has no clock). */
  today: string;
  /** The discovery document (or issue body) and where it came from, e.g. `docs/discovery/export.md` or `issue #12`. */
  discovery: { source: string; text: string };
  /** Where the spec will be written, e.g. `specs/export.md`. */
  outputPath: string;
  /** The agent's turn and token limits, stated in the first message. */
  limits: PromptLimits;
}

/** The request content for one implementation-spec job. */
export interface ImplementationSpecPrompt {
  /** Instructions and the spec template; one block with a cache breakpoint (stable per repository). */
  system: PromptBlock[];
  /** The first user message: repository, date, output path, the agent's limits and the discovery document. */
  message: string;
}

/**
 * Builds the prompt that turns a discovery document into an implementation spec. The system
 * part carries the instructions, the template's section list and the template itself; the
 * per-job values (repository, date, discovery document) go into the first user message so the
 * system block can be cached across jobs of the same repository.
 */
export function buildImplementationSpecPrompt(
  input: BuildImplementationSpecPromptInput,
): ImplementationSpecPrompt {
  const parts = splitPromptTemplate(input.prompt.text, input.prompt.source);
  const sections = listTemplateSections(input.specTemplate.text);
  const systemValues: PlaceholderValues<"implementationSpec", "system"> = {
    sections:
      sections.length > 0
        ? sections.map((title, i) => `${i + 1}. ${title}`).join("\n")
        : "(The template has no `##` sections; follow its structure as given.)",
    specTemplate: input.specTemplate.text.replace(/\r\n?/g, "\n").trim(),
  };
  const userValues: PlaceholderValues<"implementationSpec", "user"> = {
    repo: input.repoName,
    today: input.today,
    discoverySource: input.discovery.source,
    outputPath: input.outputPath,
    discovery: input.discovery.text.replace(/\r\n?/g, "\n").trim(),
    ...renderLimitValues(input.limits),
  };
  return {
    system: [
      { text: fillTemplate(parts.system, systemValues, `${input.prompt.source} (system part)`), cache: true },
    ],
    message: fillTemplate(parts.user, userValues, `${input.prompt.source} (user message)`),
  };
}
