import { Option, type Command } from "commander";
import { resolve } from "node:path";
import { openLocalSnapshot } from "../../adapters/local/open-local-snapshot.js";
import { builtinPromptsDir } from "../../adapters/local/builtin-prompts-dir.js";
import { findUncommittedConfig } from "../../adapters/local/find-uncommitted-config.js";
import { ConfigError } from "../../core/errors.js";
import { renderPlanJson } from "../../core/render/render-plan-json.js";
import { renderPlanText } from "../../core/render/render-plan-text.js";
import { loadPrompts } from "../../services/load-prompts.js";
import { loadRepoConfig } from "../../services/load-repo-config.js";
import { planRepository } from "../../services/plan-repository.js";
import type { RegisterCommand } from "../command.js";
import { EXIT } from "../io.js";

interface PlanOptions {
  repo?: string;
  ref?: string;
  format: "text" | "json";
  withDependents?: boolean;
}

/** `specwright plan [--repo DIR] [--ref REF] [name…|all] [--with-dependents] [--format text|json]` */
export const registerPlanCommand: RegisterCommand = (program: Command, io, setExit) => {
  program
    .command("plan")
    .description("Show the phase plan for system-spec agents without calling any model")
    .argument("[names...]", "agent names, or `all` (default: all)")
    .option("--repo <dir>", "repository checkout (default: current directory)")
    .option(
      "--ref <ref>",
      "git ref or commit to plan against (default: HEAD; plain folders: the files on disk)",
    )
    .option("--with-dependents", "also plan every agent that depends on the named ones")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .action(async (names: string[], opts: PlanOptions) => {
      const dir = resolve(io.cwd, opts.repo ?? ".");
      const snapshot = await openLocalSnapshot({ dir, ...(opts.ref ? { ref: opts.ref } : {}) });
      if (snapshot.sha !== "WORKTREE") {
        for (const file of await findUncommittedConfig(dir, snapshot.sha)) {
          io.err(
            `specwright: ${file} has uncommitted changes; planning with the version at ${snapshot.sha.slice(0, 7)}. Commit it to plan with it.`,
          );
        }
      }
      let config;
      try {
        config = await loadRepoConfig(snapshot);
      } catch (error) {
        if (!(error instanceof ConfigError) || opts.format !== "json") throw error;
        // JSON consumers get the config problems in the same shape as plan problems.
        const problems = error.problems.map((p) => ({
          kind: "config",
          severity: "error",
          message: p.message,
          agent: null,
          path: p.file,
          line: p.line ?? null,
          column: p.column ?? null,
          key: p.key,
        }));
        io.out(
          `${JSON.stringify({ commit: snapshot.sha, repository: snapshot.label, phases: [], agents: [], problems }, null, 2)}\n`,
        );
        throw error;
      }
      const readRepoFile = async (path: string) => {
        const file = await snapshot.readFile(path);
        return file.kind === "text" ? file.text : undefined;
      };
      const prompts = await loadPrompts({ config, readRepoFile, builtinDir: builtinPromptsDir() });
      const plan = await planRepository({
        snapshot,
        config,
        selection: { names, withDependents: Boolean(opts.withDependents) },
        promptChars: prompts.systemSpec.text.length,
      });
      const meta = { sha: snapshot.sha, label: snapshot.label };
      io.out(opts.format === "json" ? renderPlanJson(plan, meta) : renderPlanText(plan, meta));
      const failed = plan.problems.some((p) => p.severity === "error");
      if (failed && opts.format === "json") io.err("specwright plan: the plan has errors (see problems).");
      setExit(failed ? EXIT.findings : EXIT.ok);
    });
};
