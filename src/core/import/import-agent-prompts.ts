import type { ConfigInput } from "../config/config-schema.js";
import { buildImportConfig, type ImportedAgent, type ImportedSettings } from "./build-import-config.js";
import { classifyReadFirst, type SystemDocRole } from "./classify-read-first.js";
import { deriveSharedRules } from "./derive-shared-rules.js";
import type { AgentSection, ImportWarning, ParsedAgentBlock, ReviewSection } from "./import-types.js";
import { parseAgentBlock } from "./parse-agent-block.js";
import { parseReviewBlock } from "./parse-review-block.js";
import { splitPromptSections } from "./split-prompt-sections.js";

/** The config read from a prompts file, and everything that could not be carried over. */
export interface ImportResult {
  config: ConfigInput;
  /** The prompts file's path as given (forward slashes), for headers and messages. */
  source: string;
  /** Sorted by line. */
  warnings: ImportWarning[];
}

const toAgentName = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

const dirOf = (path: string) => (path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "");

/** The directory most spec files are in (the first one on a tie). */
function mostCommonDir(paths: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const dir of paths.map(dirOf).filter((d) => d !== "")) counts.set(dir, (counts.get(dir) ?? 0) + 1);
  let best: [string, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  return best?.[0];
}

interface NamedBlock {
  section: AgentSection;
  block: ParsedAgentBlock;
  name: string;
}

/** Parses every agent section and names it; skips blocks that are not agent prompts and duplicate names. */
function readAgents(sections: readonly AgentSection[], warnings: ImportWarning[]): NamedBlock[] {
  const named: NamedBlock[] = [];
  for (const section of sections) {
    const { block, warnings: blockWarnings } = parseAgentBlock(section.body);
    const where = `"${section.title}"`;
    const empty =
      block.inScope.length + block.keyFiles.length + block.readFirst.length + block.outOfScope.length === 0;
    if (!block.specFile && empty) {
      warnings.push({
        line: section.headingLine,
        message: `${where} has no "Spec file:" and no scope or files; skipped`,
      });
      continue;
    }
    warnings.push(...blockWarnings);
    const base =
      block.specFile?.path
        .split("/")
        .pop()
        ?.replace(/\.[^.]*$/, "") ?? "";
    const name = toAgentName(base) || toAgentName(section.title) || `agent-${named.length + 1}`;
    if (!block.specFile) {
      warnings.push({
        line: section.headingLine,
        message: `${where} has no "Spec file:" line; named the agent "${name}" from its title (it writes <specsDir>/${name}.md)`,
      });
    }
    const clash = named.find((n) => n.name === name);
    if (clash) {
      warnings.push({
        line: section.headingLine,
        message: `${where} writes the same spec as "${clash.section.title}" (line ${clash.section.headingLine}); skipped`,
      });
      continue;
    }
    named.push({ section, block, name });
  }
  return named;
}

/**
 * Imports an agent-prompts markdown file (`## Phase N` headings, `### N. Title` + fenced prompt
 * per agent, a final consistency-check section) into a Specwright config. Pure and total:
 * whatever cannot be interpreted becomes a warning with its line, never an exception.
 *
 * @param sourcePath where the markdown came from; returned as `source` for the YAML header and messages
 */
export function importAgentPrompts(markdown: string, sourcePath: string): ImportResult {
  const text = markdown.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const { sections, warnings } = splitPromptSections(text);
  const agentSections = sections.filter((s): s is AgentSection => s.kind === "agent");
  const review = sections.find((s): s is ReviewSection => s.kind === "review");
  const agents = readAgents(agentSections, warnings);

  if (agentSections.some((s) => s.phase !== undefined)) {
    for (const { section } of agents.filter((a) => a.section.phase === undefined)) {
      warnings.push({
        line: section.headingLine,
        message: `"${section.title}" is not under a "## Phase N" heading; its phase is derived from its dependencies`,
      });
    }
  }

  const specFiles = new Set(agents.flatMap((a) => (a.block.specFile ? [a.block.specFile.path] : [])));
  const systemDocs: Partial<Record<SystemDocRole, { path: string; line: number }>> = {};
  const classified = agents.map(({ block }) => {
    const c = classifyReadFirst(block.readFirst, specFiles, block.specFile?.path);
    warnings.push(...c.warnings);
    for (const [role, doc] of Object.entries(c.systemDocs) as [
      SystemDocRole,
      { path: string; line: number },
    ][]) {
      const known = systemDocs[role];
      if (!known) systemDocs[role] = doc;
      else if (known.path !== doc.path) {
        warnings.push({
          line: doc.line,
          message: `${role} "${doc.path}" differs from "${known.path}" (line ${known.line}); using the first`,
        });
      }
    }
    return c;
  });

  const shared = deriveSharedRules(agents.map((a) => a.block.rules.map((r) => r.text)));
  if (shared.lines) {
    for (const [i, { section }] of agents.entries()) {
      if (shared.hasTarget[i]) continue;
      warnings.push({
        line: section.headingLine,
        message: `"${section.title}" states no "Target N-M lines" rule; the shared target of ${shared.lines.min}-${shared.lines.max} lines applies to it`,
      });
    }
  }
  const projects = [...new Set(agents.flatMap((a) => (a.block.project ? [a.block.project] : [])))];
  const reviewBlock = review ? parseReviewBlock(review.body, review.headingLine) : undefined;
  warnings.push(...(reviewBlock?.warnings ?? []));
  if (projects.length > 1) {
    warnings.push({
      line: undefined,
      message: `the prompts name several projects (${projects.join(", ")}); using "${projects[0]}"`,
    });
  }

  const settings: ImportedSettings = {
    project: projects[0] ?? reviewBlock?.project,
    specsDir:
      mostCommonDir([...specFiles]) ??
      (systemDocs.boundaryBrief ? dirOf(systemDocs.boundaryBrief.path) || undefined : undefined),
    boundaryBrief: systemDocs.boundaryBrief?.path,
    template: systemDocs.template?.path,
    featureRegistry: systemDocs.featureRegistry?.path,
    lines: shared.lines,
    rules: shared.rules,
    reviewOutput: reviewBlock?.output,
  };
  const imported: ImportedAgent[] = agents.map(({ section, block, name }, i) => ({
    name,
    title: section.title || name,
    phase: section.phase,
    specFile: block.specFile?.path,
    registrySection: classified[i]?.registrySection,
    inScope: block.inScope,
    outOfScope: block.outOfScope,
    keyFiles: block.keyFiles,
    reads: classified[i]?.reads ?? [],
    rules: [...(shared.extras[i] ?? []), ...block.notes],
    lines: shared.ownLines[i],
  }));
  warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { config: buildImportConfig(settings, imported), source: sourcePath.replace(/\\/g, "/"), warnings };
}
