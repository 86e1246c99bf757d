import { SpecwrightError } from "../errors.js";

/**
 * A prompt template cannot be used: it names a placeholder Specwright does not fill, a value
 * is missing, a placeholder is malformed, or the user-message marker is missing. `source`
 * names the file (e.g. `prompts/system-spec.md` or a repository override) so the user knows
 * which file to fix; `placeholder` is the offending name when there is one.
 */
export class PromptTemplateError extends SpecwrightError {
  override readonly name = "PromptTemplateError";
  constructor(
    readonly source: string,
    readonly placeholder: string | undefined,
    message: string,
    hint: string,
  ) {
    super(`${source}: ${message}`, hint);
  }
}
