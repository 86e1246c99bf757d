import { SpecwrightError } from "../errors.js";

/**
 * A prompt file could not be loaded: a repository override named in `.github/specwright.yml`
 * does not exist at the commit, or Specwright's own `prompts/` folder is missing from the install.
 */
export class PromptFileError extends SpecwrightError {
  override readonly name = "PromptFileError";
  constructor(
    /** The path that could not be read. */
    readonly path: string,
    message: string,
    hint: string,
  ) {
    super(message, hint);
  }
}
