import pLimit from "p-limit";
import { classifyDocuments } from "../../core/checks/classify-documents.js";
import type { Config } from "../../core/config/config-schema.js";
import { resolveSystemSpecs } from "../../core/config/resolve-config.js";
import { createFileIndex } from "../../core/files/file-index.js";
import { extractCitations } from "../../core/markdown/extract-citations.js";
import { renderStaleness, type StaleSpec } from "../../core/render/render-staleness.js";
import { readSpecDocument } from "../../services/read-spec-document.js";
import { openRepoSnapshot } from "../github/open-repo-snapshot.js";
import type { JobContext } from "../job-services.js";

/**
 * The staleness report of a push to the default branch (no model calls): every spec that cites
 * a file the push changed (a file citation, or a directory citation containing it) is listed in
 * ONE "Specwright staleness" check run on the pushed commit, with the `/spec regenerate`
 * command that refreshes the system specs among them. Specs the push itself changed are taken
 * as updated. A repository without specs, or a push that only touched specs, gets no report.
 */
export async function reportStaleness(
  ctx: JobContext,
  config: Config,
  commit: string,
  changedFiles: readonly string[],
): Promise<StaleSpec[] | undefined> {
  const snapshot = await openRepoSnapshot(ctx, commit);
  const files = createFileIndex(await snapshot.listFiles());
  const systemSpecs = resolveSystemSpecs(config, files.files);
  const kinds = classifyDocuments(files.files, systemSpecs, config.implementationSpecs.output);
  const changed = new Set(changedFiles);
  const specs = [...kinds.entries()].filter(([, kind]) => kind === "system" || kind === "implementation");
  const codeChanged = changedFiles.filter((p) => !kinds.has(p));
  if (specs.length === 0 || codeChanged.length === 0) return undefined;

  const agentBySpec = new Map(systemSpecs.agents.map((a) => [a.specFile, a.name] as const));
  const limit = pLimit(8);
  const stale = await limit.map(
    specs.filter(([path]) => !changed.has(path)),
    async ([path, kind]): Promise<StaleSpec | undefined> => {
      const read = await readSpecDocument(snapshot, files, path, kind);
      if (read.kind !== "doc") return undefined;
      const cited = new Set<string>();
      for (const c of extractCitations(read.doc)) {
        if (c.exempt) continue;
        const prefix = `${c.path}/`;
        for (const file of codeChanged)
          if (file === c.path || (c.isDirectory && file.startsWith(prefix))) cited.add(file);
      }
      if (cited.size === 0) return undefined;
      const name = agentBySpec.get(path);
      return { spec: path, ...(name ? { name } : {}), citedChangedFiles: [...cited].sort() };
    },
  );
  const found = stale.filter((s): s is StaleSpec => s !== undefined);
  const rendered = renderStaleness(found, { commit });
  await ctx.host.createCheckRun({
    name: rendered.name,
    headSha: commit,
    status: "completed",
    conclusion: rendered.conclusion,
    output: { title: rendered.title, summary: rendered.summary },
    externalId: ctx.jobId,
  });
  return found;
}
