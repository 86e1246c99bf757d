import { Option, type Command } from "commander";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { openLocalSnapshot } from "../../adapters/local/open-local-snapshot.js";
import type { CheckReport } from "../../core/checks/summarize-findings.js";
import { renderFindingsGithub } from "../../core/render/render-findings-github.js";
import { renderFindingsJson } from "../../core/render/render-findings-json.js";
import { renderFindingsText } from "../../core/render/render-findings-text.js";
import { renderReviewMarkdown } from "../../core/render/render-review-markdown.js";
import type { RepoSnapshot } from "../../ports/repo-snapshot.js";
import { checkRepository } from "../../services/check-repository.js";
import { loadRepoConfig } from "../../services/load-repo-config.js";
import type { RegisterCommand } from "../command.js";
import { EXIT } from "../io.js";

const FORMATS = ["text", "json", "markdown", "github"] as const;
type Format = (typeof FORMATS)[number];

interface CheckOptions {
  repo?: string;
  ref?: string;
  format: Format;
}

const RENDER: Record<Format, (report: CheckReport) => string> = {
  text: renderFindingsText,
  json: renderFindingsJson,
  markdown: (report) => renderReviewMarkdown(report),
  github: renderFindingsGithub,
};

/**
 * Turns file arguments into repository paths: a path is taken relative to the current directory
 * when it points inside `--repo`, else as repository-relative. When `--repo` is a subfolder of a
 * git checkout (snapshot paths are relative to the checkout root), a unique suffix match is used.
 */
async function toRepoPaths(
  args: readonly string[],
  cwd: string,
  repoDir: string,
  snapshot: RepoSnapshot,
): Promise<string[]> {
  if (args.length === 0) return [];
  const listed = (await snapshot.listFiles()).map((f) => f.path);
  const present = new Set(listed);
  return args.map((arg) => {
    const fromCwd = relative(repoDir, resolve(cwd, arg));
    const candidates = [fromCwd, arg]
      .filter((p) => p !== "" && !p.startsWith("..") && !isAbsolute(p))
      .map((p) =>
        p
          .split(sep)
          .join("/")
          .replace(/^\.\/+/, ""),
      );
    const exact = candidates.find((p) => present.has(p));
    if (exact) return exact;
    for (const candidate of candidates) {
      const matches = listed.filter((p) => p.endsWith(`/${candidate}`));
      if (matches.length === 1 && matches[0]) return matches[0];
    }
    return candidates[0] ?? arg;
  });
}

/** `specwright check [--repo DIR] [--ref REF] [--format text|json|markdown|github] [files…]` */
export const registerCheckCommand: RegisterCommand = (program: Command, io, setExit) => {
  program
    .command("check")
    .description("Check specs against the repository and each other (no model is called)")
    .argument("[files...]", "spec files to report on (default: every spec)")
    .option("--repo <dir>", "repository checkout (default: current directory)")
    .option("--ref <ref>", "git ref or commit to check (default: HEAD; plain folders: the files on disk)")
    .addOption(new Option("--format <format>", "output format").choices([...FORMATS]).default("text"))
    .action(async (files: string[], opts: CheckOptions) => {
      const dir = resolve(io.cwd, opts.repo ?? ".");
      const snapshot = await openLocalSnapshot({ dir, ...(opts.ref ? { ref: opts.ref } : {}) });
      const config = await loadRepoConfig(snapshot);
      const only = await toRepoPaths(files, io.cwd, dir, snapshot);
      const report = await checkRepository({ snapshot, config, only });
      io.out(RENDER[opts.format](report));
      setExit(report.summary.bySeverity.error > 0 ? EXIT.findings : EXIT.ok);
    });
};
