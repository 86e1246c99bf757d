import type { ApplicationFunctionOptions, Probot } from "probot";

/**
 * The Probot app function: wires webhook handlers to the job queue and nothing else.
 * Handlers (issues labelled `needs-spec`, `/spec` comments, pushes of discovery docs) are
 * registered here as they land; the spec engine itself lives in `src/core`, `src/agents`
 * and `src/services` and is shared with the CLI.
 */
export default function specwright(app: Probot, _options: ApplicationFunctionOptions): void {
  app.log.info(
    "Specwright is running. Webhook handlers: none yet — use the CLI (`specwright --help`) meanwhile.",
  );
}
