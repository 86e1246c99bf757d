import type { ResolvedSystemSpecs } from "../config/resolve-config.js";
import type { FileIndex } from "../files/file-index.js";
import { estimateTokens } from "./estimate-tokens.js";
import { orderPhases } from "./order-phases.js";
import type { Plan, PlannedAgent, PlanProblem } from "./plan-types.js";
import { resolveDependencies } from "./resolve-dependencies.js";
import { selectAgents, type AgentSelection } from "./select-agents.js";

export interface PlanInput {
  systemSpecs: ResolvedSystemSpecs;
  /** The repository files at the planned commit. */
  files: FileIndex;
  selection: AgentSelection;
  /** Length in characters of the system-spec prompt instructions, counted once per agent. */
  promptChars: number;
  /** Files larger than this are never read by agents, so they are not counted (default: no limit). */
  maxFileBytes?: number;
  /**
   * Key-file paths the snapshot refuses to read, with the reason (a symlink leading outside the
   * repository): reported as such instead of as missing. See `findRefusedPaths`.
   */
  refused?: ReadonlyMap<string, string>;
}

/**
 * Characters assumed for a spec that does not exist yet because an earlier phase of the same
 * run writes it: the target's maximum line count times this average line length.
 */
export const CHARS_PER_SPEC_LINE = 60;

/**
 * Plans a system-spec run without calling any model: phases, dependencies, the specs each agent
 * reads, its key files and whether they exist, and an estimate of its input tokens.
 *
 * The estimate counts what an agent must read at least once: the prompt instructions, the shared
 * context (boundary brief, template, feature registry), the specs it reads and every file under
 * its key paths (each file once, files over `maxFileBytes` left out), converted with `estimateTokens`. Re-sent conversation turns and prompt-cache
 * savings are not included, so real usage is higher in tokens but cheaper per token.
 */
export function planAgents(input: PlanInput): Plan {
  const { systemSpecs: s, files } = input;
  const problems: PlanProblem[] = [];
  const deps = resolveDependencies(s.agents);
  problems.push(...deps.problems);

  const order = [...new Set(s.agents.map((a) => a.name))];
  const byName = new Map(s.agents.map((a) => [a.name, a] as const));
  const declared = new Map(s.agents.map((a) => [a.name, a.declaredPhase] as const));
  const phases = orderPhases(order, deps.dependsOn, declared);
  problems.push(...phases.problems);

  const selection = selectAgents(order, deps.dependsOn, input.selection);
  problems.push(...selection.problems);
  const selected = new Set(selection.selected);

  const context = [s.boundaryBrief, s.template, s.featureRegistry];
  for (const path of context) {
    if (!files.hasFile(path)) {
      problems.push({
        kind: "missing-context",
        severity: "warning",
        message: `${path} does not exist: agents will write without it, and the checks that need it are skipped. Create it or set its path in .github/specwright.yml.`,
        agent: undefined,
        path,
      });
    }
  }
  const contextChars = context.reduce((sum, p) => sum + (files.sizeOf(p) ?? 0), 0);
  const specOwner = new Map(s.agents.map((a) => [a.specFile, a] as const));
  const readable = (path: string) => (files.sizeOf(path) ?? 0) <= (input.maxFileBytes ?? Infinity);

  const agents: PlannedAgent[] = [];
  for (const name of selection.selected) {
    const agent = byName.get(name);
    const phase = phases.phases.get(name);
    if (!agent || phase === undefined) continue;
    const dependsOn = deps.dependsOn.get(name) ?? [];
    const reads = [...agent.reads];
    for (const dep of dependsOn) {
      const depSpec = byName.get(dep)?.specFile;
      if (depSpec && !reads.includes(depSpec)) reads.push(depSpec);
    }

    let readChars = 0;
    for (const read of reads) {
      const ownerAgent = specOwner.get(read);
      const owner = ownerAgent?.name;
      const writtenThisRun = owner !== undefined && selected.has(owner);
      if (files.hasFile(read)) readChars += files.sizeOf(read) ?? 0;
      else if (writtenThisRun) readChars += (ownerAgent?.lines.max ?? s.lines.max) * CHARS_PER_SPEC_LINE;
      else {
        problems.push({
          kind: "missing-read",
          severity: "warning",
          message: owner
            ? `Agent "${name}" reads ${read}, which does not exist yet and is written by "${owner}", which is not selected. Select "${owner}" too, or regenerate it first.`
            : `Agent "${name}" reads ${read}, which does not exist at this commit.`,
          agent: name,
          path: read,
        });
      }
    }

    const keyFilesRead = new Set<string>();
    const keyFiles = agent.keyFiles.map((k) => {
      const under = files.filesUnder(k.path);
      for (const f of under) if (readable(f)) keyFilesRead.add(f);
      if (under.length === 0) {
        const refusal = input.refused?.get(k.path);
        problems.push({
          kind: "missing-key-file",
          severity: "error",
          message:
            refusal === undefined
              ? `Agent "${name}" lists key file ${k.path}, which does not exist at this commit. Fix the path or remove it from keyFiles.`
              : `Agent "${name}" lists key file ${k.path}, which agents may not read: ${refusal}. List the file it points at (inside the repository) or remove it from keyFiles.`,
          agent: name,
          path: k.path,
        });
      }
      return { path: k.path, note: k.note, exists: under.length > 0, files: under.length };
    });

    agents.push({
      name,
      title: agent.title,
      phase,
      specFile: agent.specFile,
      dependsOn: [...dependsOn],
      reads,
      context: context.filter((p) => files.hasFile(p)),
      registrySection: agent.registrySection,
      keyFiles,
      estimatedInputTokens: estimateTokens(
        input.promptChars +
          contextChars +
          readChars +
          [...keyFilesRead].reduce((n, f) => n + (files.sizeOf(f) ?? 0), 0),
      ),
    });
  }

  agents.sort((a, b) => a.phase - b.phase || order.indexOf(a.name) - order.indexOf(b.name));
  const phaseNumbers = [...new Set(agents.map((a) => a.phase))].sort((a, b) => a - b);
  return {
    phases: phaseNumbers.map((phase) => ({
      phase,
      agents: agents.filter((a) => a.phase === phase).map((a) => a.name),
    })),
    agents,
    problems,
  };
}
