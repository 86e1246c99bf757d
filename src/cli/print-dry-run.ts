import { builtinPromptsDir } from "../adapters/local/builtin-prompts-dir.js";
import { DEFAULT_ANTHROPIC_BASE_URL } from "../adapters/anthropic/create-anthropic-model.js";
import { previewImplementationRequest } from "../services/preview-implementation-request.js";
import { previewReviewRequest } from "../services/preview-review-request.js";
import { previewSystemSpecRequests } from "../services/preview-system-spec-requests.js";
import type { GenerateTarget } from "./commands/generate-command.js";
import { EXIT, type CliIo } from "./io.js";
import { renderRequestPreview, type PreviewItem } from "./render-request-preview.js";

/** Options of `printDryRun`. */
export interface DryRunOptions {
  withDependents: boolean;
  baseURL: string | undefined;
  /** Whether the run would end with the consistency review (`--no-review` turns it off). Default true. */
  review?: boolean;
  /** Masked should it appear in the output (it is never part of a request body). */
  apiKey?: string;
}

/**
 * `generate --dry-run`: prints the first request of every planned agent (or of the
 * implementation-spec builder), and of the consistency review's LLM pass when the run would
 * make one, exactly as they would be sent, and calls no model. Returns the exit code: 2 when
 * the plan has errors, else 0.
 */
export async function printDryRun(
  target: GenerateTarget,
  options: DryRunOptions,
  io: CliIo,
): Promise<number> {
  const secrets = options.apiKey ? [options.apiKey] : [];
  const deps = { builtinPromptsDir: builtinPromptsDir() };
  const endpoint = `${(options.baseURL ?? DEFAULT_ANTHROPIC_BASE_URL).replace(/\/+$/, "")}/v1/messages`;
  const { snapshot, config, tree } = target;
  if (target.implementation) {
    const { input, outputPath } = target.implementation;
    const preview = await previewImplementationRequest(deps, {
      snapshot,
      config,
      repoName: tree.name,
      today: new Date().toISOString().slice(0, 10),
      discovery: input,
      outputPath,
    });
    const prompt = preview.route.kind === "agent" ? "agent-spec" : "implementation-spec";
    io.out(
      `Dry run: nothing is sent. The first request of the implementation-spec builder for ${input.source}, as it would be POSTed to ${endpoint}.\n` +
        `It would write ${outputPath} from ${snapshot.label}, using the ${prompt} prompt` +
        `${preview.route.reasons.length > 0 ? ` (${preview.route.reasons.join("; ")})` : ""}.\n`,
    );
    io.out(
      renderRequestPreview(
        [{ heading: `implementation spec → ${outputPath}`, request: preview.request }],
        secrets,
      ),
    );
    return EXIT.ok;
  }

  const preview = await previewSystemSpecRequests(deps, {
    snapshot,
    config,
    repoName: tree.name,
    selection: { names: target.names, withDependents: options.withDependents },
  });
  if (preview.failures.length > 0) {
    io.err(
      `specwright generate: the plan has errors, so nothing would be sent:\n${preview.failures
        .map((f) => `  ${f.message}${f.hint ? `\n    ${f.hint}` : ""}`)
        .join("\n")}`,
    );
    return EXIT.usage;
  }
  for (const problem of preview.plan.problems) io.err(`warning: ${problem.message}`);
  const placeholders = preview.requests.some((r) => r.placeholders.length > 0);
  io.out(
    `Dry run: nothing is sent. The first request of each of the ${preview.requests.length} planned agents on ${snapshot.label}, as it would be POSTed to ${endpoint}.\n` +
      "Later turns append the model's replies and the tool results to the messages; the system blocks and tools stay the same.\n" +
      (placeholders
        ? "Specs that earlier agents of this run write do not exist yet: they are shown as placeholders, and the real requests carry their text.\n"
        : ""),
  );
  const items: PreviewItem[] = preview.requests.map((r) => ({
    heading: `[phase ${r.agent.phase}] ${r.agent.name} → ${r.agent.specFile}`,
    request: r.request,
    notes: r.placeholders.map((p) => `placeholder: ${p.path} (written by ${p.author} earlier in this run)`),
  }));
  let reviewNote = "";
  if (options.review !== false) {
    const review = await previewReviewRequest({
      snapshot,
      config,
      repoName: tree.name,
      setup: preview.setup,
    });
    const output = preview.setup.systemSpecs.reviewOutput;
    if (review.kind === "request") {
      const phase = Math.max(0, ...preview.plan.agents.map((a) => a.phase)) + 1;
      items.push({
        heading: `[phase ${phase}] consistency review (LLM pass) → ${output}`,
        request: review.request,
        notes: [
          "The specs this run writes are placeholders here, and the deterministic findings (computed from the written specs) are shown as none; the real request carries both.",
          ...review.placeholders.map((p) => `placeholder: ${p.path} (written by ${p.author} in this run)`),
        ],
      });
    } else {
      reviewNote = `The consistency review (${output}) would make no model request: ${review.why}.\n`;
    }
  }
  io.out(renderRequestPreview(items, secrets));
  if (reviewNote) io.out(reviewNote);
  return EXIT.ok;
}
