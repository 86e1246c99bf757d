import { createAnthropicModel } from "../adapters/anthropic/create-anthropic-model.js";
import { renderRunSummaryTable } from "../core/render/render-run-summary-table.js";
import type { RunResult, WrittenFile } from "../core/run/run-result.js";
import { createSpecEngine } from "../services/create-spec-engine.js";
import type { GenerateTarget } from "./commands/generate-command.js";
import { createProgressDisplay } from "./create-progress-display.js";
import { EXIT, type CliIo } from "./io.js";

/** Exit code of a finished run: 2 when the plan could not start, 1 when anything did not succeed. */
function exitCodeOf(result: RunResult): number {
  if (result.agents.length === 0 && result.failures.length > 0) return EXIT.usage;
  const failed =
    result.failures.length > 0 ||
    result.agents.some((a) => a.status !== "succeeded") ||
    result.findings.some((f) => f.severity === "error");
  return failed ? EXIT.findings : EXIT.ok;
}

/**
 * Runs a `generate` job and delivers it: live progress, the specs of each finished phase written
 * into the working tree as soon as the phase settles (so an interrupted run keeps them), the
 * remaining files (the review) at the end, then the summary table and, for an implementation
 * spec, its open questions. The first Ctrl-C cancels the job (running agents stop, the rest are
 * skipped, the summary still prints); a second one ends the process. Returns the exit code.
 */
export async function runGeneration(
  target: GenerateTarget,
  options: {
    apiKey: string;
    baseURL: string | undefined;
    review: boolean;
    withDependents: boolean;
    ref?: string;
  },
  io: CliIo,
): Promise<number> {
  const { snapshot, config, tree } = target;
  const engine = createSpecEngine({
    model: createAnthropicModel({
      apiKey: options.apiKey,
      ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    }),
  });
  const display = createProgressDisplay(io);
  const written = new Map<string, string>();
  const deliver = async (files: readonly WrittenFile[]) => {
    for (const file of files) {
      if (written.get(file.path) === file.content) continue;
      await tree.write(file.path, file.content);
      written.set(file.path, file.content);
    }
  };
  const controller = new AbortController();
  const cancel = () => {
    io.err("specwright generate: cancelling… (press Ctrl-C again to quit at once)");
    controller.abort();
  };
  process.once("SIGINT", cancel);
  const common = {
    snapshot,
    config,
    repoName: tree.name,
    onProgress: display.onProgress,
    signal: controller.signal,
  };
  let result: RunResult;
  try {
    result = target.implementation
      ? await engine.generateImplementationSpec({
          ...common,
          discovery: target.implementation.input,
          outputPath: target.implementation.outputPath,
        })
      : await engine.generateSystemSpecs({
          ...common,
          selection: { names: target.names, withDependents: options.withDependents },
          review: options.review,
          onPhaseSettled: (_phase, files) => deliver(files),
        });
  } finally {
    process.removeListener("SIGINT", cancel);
    display.stop();
  }
  await deliver(result.files);

  io.out("");
  if (result.files.length > 0) {
    const n = result.files.length;
    io.out(`Wrote ${n} file${n === 1 ? "" : "s"} into ${tree.root}:`);
    for (const file of result.files) io.out(`  ${file.path}`);
    if (options.ref) {
      io.out(
        `(They describe ${options.ref} at ${snapshot.sha.slice(0, 7)}, not necessarily your checked-out commit.)`,
      );
    }
    io.out("");
  }
  io.out(renderRunSummaryTable(result));
  if (target.implementation && result.files.length > 0) {
    io.out(
      result.openQuestions.length > 0
        ? `Open questions for reviewers (also in the spec's Notes):\n${result.openQuestions.map((q) => `  - ${q}`).join("\n")}`
        : "The spec lists no open questions for reviewers.",
    );
  }
  return exitCodeOf(result);
}
