import type { ResolvedAgent } from "../config/resolve-config.js";
import type { PlaceholderValues } from "./prompt-placeholders.js";
import { renderBullets } from "./render-bullets.js";
import { renderLimitValues, type PromptLimits } from "./render-limit-values.js";

/** Whether a key file exists at the commit and how many files it stands for (from the planner). */
export interface KeyFileStatus {
  path: string;
  exists: boolean;
  /** Files under it: 1 for a file, the count for a directory, 0 when missing. */
  files: number;
}

/** What the assignment needs besides the agent itself. */
export interface AssignmentContext {
  /** Path of the feature registry, and whether it exists. */
  registryPath: string;
  registryExists: boolean;
  /** Paths of the specs included in the shared prefix. */
  includedSpecs: ReadonlySet<string>;
  keyFiles: readonly KeyFileStatus[];
  /** The agent's turn and token limits, stated in the assignment. */
  limits: PromptLimits;
}

const code = (path: string): string => `\`${path}\``;
const trimSlash = (path: string): string => path.replace(/\/+$/, "");

function keyFileLine(file: { path: string; note?: string }, status: KeyFileStatus | undefined): string {
  const note = file.note?.trim() ? ` — ${file.note.trim()}` : "";
  if (!status) return `${code(file.path)}${note}`;
  if (!status.exists) {
    return `${code(file.path)}${note} (**not found at this commit**: do not cite it; if it moved, find its new place with \`search\` and say so in the spec)`;
  }
  const isDirectory = file.path.endsWith("/") || status.files !== 1;
  const size = isDirectory ? ` (folder, ${status.files} file${status.files === 1 ? "" : "s"})` : "";
  return `${code(file.path)}${note}${size}`;
}

function registryLine(agent: ResolvedAgent, ctx: AssignmentContext): string {
  if (!ctx.registryExists) {
    return `${code(ctx.registryPath)} does not exist at this commit; take the features from the scope below and the code.`;
  }
  if (agent.registrySection === undefined) {
    return `no section is assigned to you; use the entries of ${code(ctx.registryPath)} that fall within your scope.`;
  }
  return `section ${agent.registrySection} of ${code(ctx.registryPath)} (included above) lists your features.`;
}

/**
 * Renders the per-agent values of the system-spec prompt's user part (the assignment):
 * scope lists, out-of-scope items with their owning specs, key files with notes and whether
 * they exist, the specs to read first (marked as included above or not written yet), the
 * agent's extra rules, its target length (`agent.lines`) and its turn and token limits. Pure
 * and deterministic.
 */
export function renderAssignmentValues(
  agent: ResolvedAgent,
  ctx: AssignmentContext,
): PlaceholderValues<"systemSpec", "user"> {
  const statusByPath = new Map(ctx.keyFiles.map((k) => [trimSlash(k.path), k]));
  return {
    title: agent.title,
    agentName: agent.name,
    specFile: agent.specFile,
    registrySection: registryLine(agent, ctx),
    inScope: renderBullets(
      agent.inScope,
      "Nothing is listed: derive your scope from your registry section and key files.",
    ),
    outOfScope: renderBullets(
      agent.outOfScope.map((o) => {
        const owner = o.owner ? ` — owned by ${code(o.owner)}` : "";
        const note = o.note?.trim() ? ` (${o.note.trim()})` : "";
        return `${o.item}${owner}${note}`;
      }),
      "Nothing is listed; the boundary brief decides who owns what.",
    ),
    keyFiles: renderBullets(
      agent.keyFiles.map((k) => keyFileLine(k, statusByPath.get(trimSlash(k.path)))),
      "None are listed: find the relevant code with `list_directory` and `search`.",
    ),
    readFirst: renderBullets(
      agent.reads.map((path) =>
        ctx.includedSpecs.has(path)
          ? `${code(path)} (included above)`
          : `${code(path)} (not included above: read it with \`read_file\` if it exists; otherwise rely on the boundary brief)`,
      ),
      "None beyond the shared documents above.",
    ),
    agentRules: renderBullets(agent.rules, "None."),
    targetLines: `${agent.lines.min}–${agent.lines.max}`,
    ...renderLimitValues(ctx.limits),
  };
}
