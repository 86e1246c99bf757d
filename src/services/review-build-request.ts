import { agentLimits } from "../agents/agent-limits.js";
import type { AgentRequest } from "../agents/agent-types.js";
import { classifyDocuments } from "../core/checks/classify-documents.js";
import type { Finding } from "../core/checks/types.js";
import type { Config } from "../core/config/config-schema.js";
import type { ResolvedSystemSpecs } from "../core/config/resolve-config.js";
import { SpecwrightError } from "../core/errors.js";
import { buildReviewPrompt } from "../core/prompts/build-review-prompt.js";
import type { LoadedPrompts } from "../core/prompts/prompt-types.js";
import type { RepoSnapshot } from "../ports/repo-snapshot.js";

/** Most output tokens of one model call of the review agent. */
export const REVIEW_MAX_TOKENS = 16_000;

/** What the review request is built from. */
export interface ReviewAgentRequestInput {
  /** The snapshot with this run's files on top. */
  snapshot: RepoSnapshot;
  config: Config;
  systemSpecs: ResolvedSystemSpecs;
  /** Every file of `snapshot`. */
  files: readonly string[];
  repoName: string;
  prompts: LoadedPrompts;
  /** The deterministic findings, listed in the first message. */
  deterministic: readonly Finding[];
}

/** The review agent's request, or why there is nothing to review. */
export type ReviewAgentRequest =
  | {
      kind: "request";
      request: AgentRequest;
      /** Texts of the documents in the prompt (brief, registry, specs), by path. */
      texts: Map<string, string>;
      /** Those documents' paths, in prompt order. */
      given: string[];
    }
  | { kind: "skipped"; note: string };

/** The text of a file, or undefined when it is missing, binary, too large or unreadable. */
export async function readReviewText(snapshot: RepoSnapshot, path: string): Promise<string | undefined> {
  try {
    const file = await snapshot.readFile(path);
    return file.kind === "text" ? file.text : undefined;
  } catch (error) {
    if (error instanceof SpecwrightError) return undefined;
    throw error;
  }
}

/** Reads every path not in `texts` yet (`readReviewText`) into it; unreadable ones are left out. */
export async function readReviewTexts(
  snapshot: RepoSnapshot,
  paths: Iterable<string | undefined>,
  texts: Map<string, string>,
): Promise<void> {
  await Promise.all(
    [...new Set(paths)].map(async (path) => {
      if (path === undefined || texts.has(path)) return;
      const text = await readReviewText(snapshot, path);
      if (text !== undefined) texts.set(path, text);
    }),
  );
}

/**
 * Builds the request of the consistency-review agent without sending it (also what `--dry-run`
 * prints): reads the boundary brief, the feature registry and every system spec from the
 * snapshot and fills the review prompt with them and the deterministic findings
 * (`buildReviewPrompt`). The tools are `createRepoTools` plus `report_findings`. `skipped` when
 * there is no readable system spec.
 */
export async function buildReviewRequest(input: ReviewAgentRequestInput): Promise<ReviewAgentRequest> {
  const { snapshot, config, systemSpecs } = input;
  const kinds = classifyDocuments(input.files, systemSpecs, config.implementationSpecs.output);
  const specPaths = [...kinds.entries()].filter(([, kind]) => kind === "system").map(([path]) => path);
  const texts = new Map<string, string>();
  const wanted = [systemSpecs.boundaryBrief, systemSpecs.featureRegistry, ...specPaths];
  await readReviewTexts(snapshot, wanted, texts);
  const specs = specPaths.flatMap((path) => {
    const text = texts.get(path);
    return text === undefined ? [] : [{ path, text }];
  });
  if (specs.length === 0) {
    return {
      kind: "skipped",
      note: `There are no readable system specs in ${systemSpecs.specsDir}/ to review.`,
    };
  }
  const prompt = buildReviewPrompt({
    prompt: input.prompts.consistencyReview,
    systemSpecs,
    repoName: input.repoName,
    brief: texts.get(systemSpecs.boundaryBrief),
    registry: texts.get(systemSpecs.featureRegistry),
    specs,
    findings: input.deterministic,
    limits: agentLimits(config.budgets),
  });
  return {
    kind: "request",
    request: {
      model: config.model.name,
      system: prompt.system,
      firstMessage: prompt.message,
      maxTokens: Math.min(REVIEW_MAX_TOKENS, config.budgets.maxOutputTokensPerAgent),
    },
    texts,
    given: wanted.filter((path) => texts.has(path)),
  };
}
