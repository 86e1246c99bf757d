import { agentLimits } from "../agents/agent-limits.js";
import type { TokenBudget } from "../agents/token-budget.js";
import { runAgent } from "../agents/run-agent.js";
import { createRepoTools } from "../agents/tools/create-repo-tools.js";
import type { Config } from "../core/config/config-schema.js";
import { extractOpenQuestions } from "../core/markdown/extract-open-questions.js";
import type { LoadedPrompts } from "../core/prompts/prompt-types.js";
import type { RunResult } from "../core/run/run-result.js";
import type { ModelPort } from "../ports/model.js";
import type { RepoSnapshot } from "../ports/repo-snapshot.js";
import { createSpecValidator } from "./create-spec-validator.js";
import { reportAgentProgress } from "./impl-agent-progress.js";
import { toAgentRunRecord } from "./impl-agent-record.js";
import { buildImplementationSpecRequest } from "./impl-build-request.js";
import type { ProgressEvent } from "./spec-engine.js";

export { IMPL_MAX_TOKENS } from "./impl-build-request.js";

/** Options of `writeImplementationSpec`. */
export interface WriteImplementationSpecOptions {
  model: ModelPort;
  /** The repository at the commit the spec is written against. */
  snapshot: RepoSnapshot;
  config: Config;
  /** Repository name for the Meta table and the run result, e.g. `acme/widgets`. */
  repoName: string;
  prompts: LoadedPrompts;
  /** The job's token budget. */
  budget: TokenBudget;
  /** Today's date as `YYYY-MM-DD`. */
  today: string;
  /** The discovery document (or issue): where it came from, its title, its markdown. */
  discovery: { source: string; title: string; text: string };
  /** Where the spec is written (`implementationSpecs.output` with the slug filled in). */
  outputPath: string;
  /** For `/spec revise`: the spec's current text and the reviewer's feedback. */
  feedback?: { currentText: string; notes: string };
  onProgress?: (event: ProgressEvent) => void;
  signal?: AbortSignal;
  /** Clock (tests). */
  now?: () => number;
}

/**
 * Writes one implementation spec from a discovery document (or an issue), as the
 * general-spec-builder skill would without a conversation:
 * 1. builds the request (`buildImplementationSpecRequest`): user text cleaned of hidden
 *    characters, HTML comments and credentials; pure agent work routed to the agent-spec prompt;
 *    for `/spec revise` the current spec and the feedback appended to the first message;
 * 2. runs one agent with the read-only repository tools; each `submit_spec` is checked with the
 *    implementation-spec rules and citations (`createSpecValidator`); errors go back to the
 *    model, at most `budgets.repairRounds` times;
 * 3. collects the questions the skill would have asked the user from the spec's
 *    `### Questions for reviewers` into `openQuestions`.
 * Model failures and limits end up in the result (`failures`, the agent's status); the spec is
 * in `files` only when it passed the checks.
 *
 * @throws PathEscapeError for an output path outside the repository, PromptTemplateError for a
 *   broken prompt override (both before any model call); SnapshotError when the repository
 *   cannot be read while checking a submission
 */
export async function writeImplementationSpec(options: WriteImplementationSpecOptions): Promise<RunResult> {
  const { config, snapshot } = options;
  const now = options.now ?? Date.now;
  const startMs = now();
  const built = buildImplementationSpecRequest(options);
  const { agent: name, outputPath } = built;
  const progress = reportAgentProgress(options.onProgress, name, 1, now);
  const repo = createRepoTools(snapshot);
  const validator = createSpecValidator({ snapshot, config });
  const { budgets } = config;
  const result = await runAgent({
    model: options.model,
    request: built.request,
    tools: repo.tools,
    filesRead: repo.filesRead,
    limits: agentLimits(budgets),
    budget: options.budget,
    validate: (markdown) => validator.validate({ path: outputPath, markdown, kind: "implementation" }),
    repairRounds: budgets.repairRounds,
    onProgress: progress.listener,
    ...(options.signal ? { signal: options.signal } : {}),
    now,
  });
  const record = toAgentRunRecord({
    name,
    title: built.title,
    phase: 1,
    specFile: outputPath,
    model: config.model.name,
    prices: config.model.prices,
    result,
  });
  progress.finished(record);

  const succeeded = result.status === "succeeded" && result.markdown !== undefined;
  const content = succeeded ? `${(result.markdown ?? "").replace(/\r\n?/g, "\n").trimEnd()}\n` : "";
  return {
    kind: "implementation",
    commit: snapshot.sha,
    repository: options.repoName,
    model: config.model.name,
    startedAt: new Date(startMs).toISOString(),
    durationMs: now() - startMs,
    files: succeeded ? [{ path: outputPath, content, author: name }] : [],
    findings: succeeded ? record.findings : [],
    agents: [record],
    usage: { ...record.usage },
    costUsd: record.costUsd,
    openQuestions: succeeded ? extractOpenQuestions(content) : [],
    failures: succeeded
      ? []
      : [
          {
            agent: name,
            message: `${outputPath} was not written: ${record.reason ?? `the agent ended with status ${record.status}`}`,
            ...(record.hint ? { hint: record.hint } : {}),
          },
        ],
  };
}
