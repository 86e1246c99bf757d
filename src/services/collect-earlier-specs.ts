import type { ResolvedAgent } from "../core/config/resolve-config.js";
import type { PlannedAgent } from "../core/plan/plan-types.js";

/** A spec given to an agent as context. */
export interface EarlierSpec {
  path: string;
  text: string;
}

/**
 * The specs an agent is given in its cached prefix: the spec of EVERY configured agent of an
 * earlier phase (selected for this run or not), plus the files its assignment `reads`, without
 * its own spec, in path order. Each is read with `read` (this run's text over the commit's, or
 * a placeholder in a dry run); one that does not exist is left out. Agents of one phase thus get
 * the same list, so their system blocks are byte-identical up to the second cache breakpoint.
 */
export async function collectEarlierSpecs(input: {
  agent: Pick<PlannedAgent, "name" | "phase" | "specFile" | "reads">;
  /** Every configured agent. */
  agents: Iterable<Pick<ResolvedAgent, "name" | "specFile">>;
  /** The effective phase of every configured agent. */
  phases: ReadonlyMap<string, number>;
  read: (path: string) => Promise<string | undefined>;
}): Promise<EarlierSpec[]> {
  const { agent } = input;
  const paths = new Set<string>(agent.reads);
  for (const other of input.agents) {
    const phase = input.phases.get(other.name);
    if (phase !== undefined && phase < agent.phase) paths.add(other.specFile);
  }
  paths.delete(agent.specFile);
  const sorted = [...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const texts = await Promise.all(sorted.map((path) => input.read(path)));
  return sorted.flatMap((path, i) => {
    const text = texts[i];
    return text === undefined ? [] : [{ path, text }];
  });
}
