import type { Config } from "../core/config/config-schema.js";
import { resolveSystemSpecs } from "../core/config/resolve-config.js";
import type { ModelRequest } from "../ports/model.js";
import type { RepoSnapshot } from "../ports/repo-snapshot.js";
import { firstModelRequest } from "./first-model-request.js";
import { overlaySnapshot } from "./overlay-snapshot.js";
import { placeholderText } from "./preview-system-spec-requests.js";
import type { SystemRunSetup } from "./prepare-system-run.js";
import { buildReviewRequest } from "./review-build-request.js";
import { REPORT_FINDINGS } from "./review-report-tool.js";

/** The consistency-review request a run would send after its agents, or why none is sent. */
export type ReviewRequestPreview =
  | {
      kind: "request";
      request: ModelRequest;
      /** Specs this run writes, shown as placeholders (the real request carries their text). */
      placeholders: { path: string; author: string }[];
    }
  | { kind: "none"; why: string };

/**
 * The first request of the LLM consistency pass for `generate --dry-run`, built as the run
 * builds it (`buildReviewRequest` over the commit with this run's specs on top) but with a
 * placeholder for every spec the planned agents write, and no deterministic findings (they
 * are computed from the written specs). `none` when `systemSpecs.review.llm` is false or there
 * would be no spec to review.
 */
export async function previewReviewRequest(input: {
  snapshot: RepoSnapshot;
  config: Config;
  repoName: string;
  setup: SystemRunSetup;
}): Promise<ReviewRequestPreview> {
  const { config, setup } = input;
  if (!setup.systemSpecs.reviewLlm) {
    return {
      kind: "none",
      why: "systemSpecs.review.llm is false: the review runs the deterministic checks only",
    };
  }
  const placeholders = setup.plan.agents.map((a) => ({ path: a.specFile, author: a.name }));
  const written = new Map(placeholders.map((p) => [p.path, placeholderText(p.author)] as const));
  const snapshot = overlaySnapshot(input.snapshot, written);
  const files = (await snapshot.listFiles()).map((f) => f.path);
  const built = await buildReviewRequest({
    snapshot,
    config,
    systemSpecs: resolveSystemSpecs(config, files),
    files,
    repoName: input.repoName,
    prompts: setup.prompts,
    deterministic: [],
  });
  if (built.kind === "skipped") return { kind: "none", why: built.note.replace(/\.$/, "") };
  return {
    kind: "request",
    request: firstModelRequest(built.request, snapshot, REPORT_FINDINGS.definition),
    placeholders: placeholders.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
  };
}
