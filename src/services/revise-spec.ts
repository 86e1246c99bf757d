import { TokenBudget } from "../agents/token-budget.js";
import { classifyDocuments } from "../core/checks/classify-documents.js";
import { resolveSystemSpecs, type ResolvedAgent } from "../core/config/resolve-config.js";
import { UsageError } from "../core/errors.js";
import { createFileIndex, type FileIndex } from "../core/files/file-index.js";
import { normalizeRepoPath } from "../core/files/normalize-repo-path.js";
import { sanitizeUserText } from "../core/prompts/sanitize-user-text.js";
import type { RunResult } from "../core/run/run-result.js";
import { buildRunResult } from "./build-run-result.js";
import { buildSystemSpecRequest } from "./build-system-spec-request.js";
import { collectEarlierSpecs } from "./collect-earlier-specs.js";
import { createSpecValidator } from "./create-spec-validator.js";
import { findDiscoveryDocument } from "./find-discovery-document.js";
import { overlaySnapshot } from "./overlay-snapshot.js";
import { prepareSystemRun } from "./prepare-system-run.js";
import { readTextFile } from "./read-text-file.js";
import { renderSystemRevision } from "./render-system-revision.js";
import { runSystemSpecAgent } from "./run-system-spec-agent.js";
import { loadEnginePrompts, safeProgress, type SpecEngineDeps } from "./spec-engine-deps.js";
import type { ReviseSpecRequest } from "./spec-engine.js";
import { writeImplementationSpec } from "./write-implementation-spec.js";

const firstHeading = (text: string): string | undefined => /^#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(text)?.[1];

async function reviseSystemSpec(
  deps: SpecEngineDeps,
  request: ReviseSpecRequest,
  agent: ResolvedAgent,
  index: FileIndex,
): Promise<RunResult> {
  const { snapshot, config, repoName } = request;
  const startedMs = deps.now();
  const setup = await prepareSystemRun(deps, {
    snapshot,
    config,
    selection: { names: [agent.name], withDependents: false },
    index,
  });
  const { plan, systemSpecs, prompts, shared } = setup;
  const failures = [...setup.failures];
  const planned = plan.agents[0];
  const result = (parts: Pick<RunResult, "files" | "agents">) =>
    buildRunResult({
      kind: "system",
      commit: snapshot.sha,
      repository: repoName,
      model: config.model.name,
      startedMs,
      endedMs: deps.now(),
      findings: [],
      failures,
      ...parts,
    });
  if (failures.length > 0 || !planned) return result({ files: [], agents: [] });

  // The agent's tools see the spec as it stands on the PR branch.
  const current = sanitizeUserText(request.currentText).text;
  const overlay = overlaySnapshot(snapshot, new Map([[planned.specFile, current]]));
  const earlierSpecs = await collectEarlierSpecs({
    agent: planned,
    agents: setup.agents.values(),
    phases: setup.phases,
    read: (path) => readTextFile(snapshot, path),
  });
  const outcome = await runSystemSpecAgent({
    model: deps.model,
    config,
    agent: { name: planned.name, title: planned.title, phase: planned.phase, specFile: planned.specFile },
    request: buildSystemSpecRequest({
      config,
      systemSpecs,
      planned,
      agent,
      prompt: prompts.systemSpec,
      repoName,
      shared,
      earlierSpecs,
      extraAssignment: renderSystemRevision({
        specFile: planned.specFile,
        currentText: current,
        feedback: request.feedback,
      }),
    }),
    snapshot: overlay,
    validator: createSpecValidator({ snapshot: overlay, config }),
    budget: new TokenBudget(config.budgets.maxTokensPerJob),
    onProgress: safeProgress(request.onProgress),
    now: deps.now,
    ...(request.signal ? { signal: request.signal } : {}),
  });
  const { record, markdown } = outcome;
  if (markdown === undefined) {
    failures.push({
      agent: record.name,
      message: `${planned.specFile} was not revised: ${record.reason ?? `the agent ended with status ${record.status}`}`,
      ...(record.hint ? { hint: record.hint } : {}),
    });
  }
  const files =
    markdown === undefined ? [] : [{ path: planned.specFile, content: markdown, author: record.name }];
  return result({ files, agents: [record] });
}

/**
 * Reruns the agent of one spec with its current text and the reviewers' feedback. A system
 * spec (an agent's `specFile`) is rewritten by its agent, with the usual prefix and the current
 * text plus feedback appended to the assignment; an implementation spec (a path matching
 * `implementationSpecs.output`) is rewritten by the implementation-spec builder, from its
 * discovery document when one matches the path. The revised spec is in `files` only when it
 * passed the checks.
 *
 * @throws UsageError when `specFile` is neither kind of spec
 */
export async function reviseSpec(deps: SpecEngineDeps, request: ReviseSpecRequest): Promise<RunResult> {
  const { snapshot, config } = request;
  const specFile = normalizeRepoPath(request.specFile);
  const index = createFileIndex(await snapshot.listFiles());
  const systemSpecs = resolveSystemSpecs(config, index.files);
  const agent = systemSpecs.agents.find((a) => a.specFile === specFile);
  if (agent) return reviseSystemSpec(deps, request, agent, index);

  const kinds = classifyDocuments([...index.files, specFile], systemSpecs, config.implementationSpecs.output);
  if (kinds.get(specFile) !== "implementation") {
    throw new UsageError(
      `${specFile} is neither the spec of a system-spec agent nor an implementation spec.`,
      `Revise a file named by an agent's specFile, or one matching implementationSpecs.output (${config.implementationSpecs.output}).`,
    );
  }
  const prompts = await loadEnginePrompts(deps, snapshot, config);
  const found = await findDiscoveryDocument(snapshot, config, specFile);
  const title = firstHeading(request.currentText) ?? specFile;
  return writeImplementationSpec({
    model: deps.model,
    snapshot,
    config,
    repoName: request.repoName,
    prompts,
    budget: new TokenBudget(config.budgets.maxTokensPerJob),
    today: deps.today(),
    discovery: found
      ? { ...found, title }
      : {
          source: specFile,
          title,
          text: "(The discovery document of this spec was not found in the repository; the current spec below was written from it and carries its content.)",
        },
    outputPath: specFile,
    feedback: { currentText: request.currentText, notes: request.feedback },
    now: deps.now,
    ...(request.onProgress ? { onProgress: request.onProgress } : {}),
    ...(request.signal ? { signal: request.signal } : {}),
  });
}
