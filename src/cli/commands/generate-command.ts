import type { Command } from "commander";
import { resolve } from "node:path";
import { openLocalSnapshot } from "../../adapters/local/open-local-snapshot.js";
import { openWorkTree, type WorkTree } from "../../adapters/local/open-work-tree.js";
import type { Config } from "../../core/config/config-schema.js";
import { resolveSystemSpecs } from "../../core/config/resolve-config.js";
import { UsageError } from "../../core/errors.js";
import { resolveOutputPath } from "../../core/run/resolve-output-path.js";
import type { RepoSnapshot } from "../../ports/repo-snapshot.js";
import { loadRepoConfig } from "../../services/load-repo-config.js";
import { planRepository } from "../../services/plan-repository.js";
import type { RegisterCommand } from "../command.js";
import { EXIT, type CliIo } from "../io.js";
import { printDryRun } from "../print-dry-run.js";
import { readDiscoveryInput, type DiscoveryInput } from "../read-discovery-input.js";
import { runGeneration } from "../run-generation.js";

/** Options of `specwright generate`, as commander parses them. */
export interface GenerateOptions {
  repo?: string;
  ref?: string;
  withDependents?: boolean;
  discovery?: string;
  issueFile?: string;
  dryRun?: boolean;
  /** `--no-review` sets this to false. */
  review: boolean;
  force?: boolean;
}

/** What one `generate` invocation works on, resolved from the options. */
export interface GenerateTarget {
  snapshot: RepoSnapshot;
  config: Config;
  tree: WorkTree;
  names: string[];
  /** Set for `--discovery` / `--issue-file`: the document and where its spec goes. */
  implementation?: { input: DiscoveryInput; outputPath: string };
}

/** The files a run may write (refused up front when they have uncommitted changes), and the plan's warnings. */
async function planOutputs(
  target: GenerateTarget,
  review: boolean,
  withDependents: boolean,
): Promise<{ outputs: string[]; warnings: string[] }> {
  if (target.implementation) return { outputs: [target.implementation.outputPath], warnings: [] };
  const plan = await planRepository({
    snapshot: target.snapshot,
    config: target.config,
    selection: { names: target.names, withDependents },
    promptChars: 0,
  });
  const files = resolveSystemSpecs(
    target.config,
    (await target.snapshot.listFiles()).map((f) => f.path),
  );
  return {
    outputs: [...plan.agents.map((a) => a.specFile), ...(review ? [files.reviewOutput] : [])],
    warnings: plan.problems.filter((p) => p.severity === "warning").map((p) => p.message),
  };
}

async function runGenerate(names: string[], opts: GenerateOptions, io: CliIo): Promise<number> {
  if (opts.discovery !== undefined && opts.issueFile !== undefined) {
    throw new UsageError(
      "--discovery and --issue-file cannot be used together.",
      "Give one document per run.",
    );
  }
  const docFlag =
    opts.discovery !== undefined ? "--discovery" : opts.issueFile !== undefined ? "--issue-file" : undefined;
  if (docFlag && (names.length > 0 || opts.withDependents)) {
    throw new UsageError(
      `${docFlag} writes one implementation spec; agent names and --with-dependents do not apply.`,
      "Run system specs and implementation specs in separate invocations.",
    );
  }
  const dir = resolve(io.cwd, opts.repo ?? ".");
  const snapshot = await openLocalSnapshot({ dir, ...(opts.ref ? { ref: opts.ref } : {}) });
  const config = await loadRepoConfig(snapshot);
  const tree = await openWorkTree(dir);
  const target: GenerateTarget = { snapshot, config, tree, names };
  const doc = opts.discovery ?? opts.issueFile;
  if (doc !== undefined) {
    const input = await readDiscoveryInput(
      opts.discovery !== undefined ? "discovery" : "issue",
      doc,
      io.cwd,
      tree.root,
    );
    target.implementation = {
      input,
      outputPath: resolveOutputPath(config.implementationSpecs.output, input.slug),
    };
  }
  const baseURL = io.env.ANTHROPIC_BASE_URL?.trim() || undefined;
  if (opts.dryRun) {
    const dryRun = { withDependents: Boolean(opts.withDependents), baseURL, review: opts.review };
    return printDryRun(target, dryRun, io);
  }

  const apiKey = io.env.ANTHROPIC_API_KEY?.trim();
  if (!apiKey) {
    io.err(
      "specwright generate: ANTHROPIC_API_KEY is not set.\n" +
        "Set it to a key from console.anthropic.com (and ANTHROPIC_BASE_URL for a proxy or gateway), or use --dry-run to see the requests without sending them.",
    );
    return EXIT.usage;
  }
  const { outputs, warnings } = await planOutputs(target, opts.review, Boolean(opts.withDependents));
  for (const warning of warnings) io.err(`warning: ${warning}`);
  const dirty = opts.force ? [] : await tree.uncommitted(outputs);
  if (dirty.length > 0) {
    io.err(
      `specwright generate: ${dirty.length === 1 ? "this file has" : "these files have"} uncommitted changes and would be overwritten:\n` +
        `${dirty.map((p) => `  ${p}`).join("\n")}\n` +
        "Commit or stash them first (the agents read the committed specs at HEAD anyway), or pass --force to overwrite them.",
    );
    return EXIT.usage;
  }

  return runGeneration(
    target,
    { apiKey, baseURL, review: opts.review, withDependents: Boolean(opts.withDependents), ref: opts.ref },
    io,
  );
}

/**
 * `specwright generate [--repo DIR] [--ref REF] [name…|all] [--with-dependents]
 * [--discovery FILE | --issue-file FILE] [--dry-run] [--no-review] [--force]`
 */
export const registerGenerateCommand: RegisterCommand = (program: Command, io, setExit) => {
  program
    .command("generate")
    .description(
      "Write system specs with Claude agents, phase by phase, then the consistency review; or one implementation spec from a discovery document. Needs ANTHROPIC_API_KEY (ANTHROPIC_BASE_URL is honoured).",
    )
    .argument("[names...]", "agent names, or `all` (default: all)")
    .option("--repo <dir>", "repository checkout (default: current directory)")
    .option("--ref <ref>", "commit the specs describe (default: HEAD; uncommitted changes are not seen)")
    .option("--with-dependents", "also run every agent that depends on the named ones")
    .option("--discovery <file>", "write an implementation spec from this discovery document")
    .option("--issue-file <file>", "write an implementation spec from an issue body saved as markdown")
    .option("--dry-run", "print the requests that would be sent, without calling the model")
    .option("--no-review", "skip the consistency review after the agents")
    .option("--force", "overwrite output files even when they have uncommitted changes")
    .addHelpText(
      "after",
      "\nThe agents read the repository as committed at HEAD (or --ref); the specs are written into the working tree of --repo.\n" +
        "Output files with uncommitted changes are not overwritten unless --force is given.\n" +
        "Exit codes: 0 every agent succeeded, 1 an agent failed or the review found errors, 2 usage or config problems.",
    )
    .action(async (names: string[], opts: GenerateOptions) => {
      setExit(await runGenerate(names, opts, io));
    });
};
