import { SUBMIT_SPEC } from "../agents/tools/submit-spec-tool.js";
import type { Config } from "../core/config/config-schema.js";
import type { WorkRoute } from "../core/prompts/route-work-type.js";
import type { ModelRequest } from "../ports/model.js";
import type { RepoSnapshot } from "../ports/repo-snapshot.js";
import { firstModelRequest } from "./first-model-request.js";
import { buildImplementationSpecRequest } from "./impl-build-request.js";
import { loadEnginePrompts, type SpecEngineDeps } from "./spec-engine-deps.js";

/** The first request the implementation-spec builder would send, and which prompt it routed to. */
export interface ImplementationRequestPreview {
  route: WorkRoute;
  request: ModelRequest;
}

/**
 * The exact first request of `writeImplementationSpec` for a discovery document, without
 * calling the model (for `generate --discovery … --dry-run`): the builder's own request
 * (`buildImplementationSpecRequest`) with the tools and cache breakpoints `runAgent` adds.
 */
export async function previewImplementationRequest(
  deps: Pick<SpecEngineDeps, "builtinPromptsDir">,
  options: {
    snapshot: RepoSnapshot;
    config: Config;
    repoName: string;
    today: string;
    discovery: { source: string; title: string; text: string };
    outputPath: string;
  },
): Promise<ImplementationRequestPreview> {
  const { snapshot, config } = options;
  const prompts = await loadEnginePrompts(deps, snapshot, config);
  const built = buildImplementationSpecRequest({
    config,
    prompts,
    repoName: options.repoName,
    today: options.today,
    discovery: options.discovery,
    outputPath: options.outputPath,
  });
  return { route: built.route, request: firstModelRequest(built.request, snapshot, SUBMIT_SPEC.definition) };
}
