/** One unit of work in a dependency graph. */
export interface SchedulableAgent {
  name: string;
  /** The phase the plan put the agent in (used for phase-complete events and tie-breaking). */
  phase: number;
  /** Names of agents that must succeed first. Names outside the schedule are assumed done. */
  dependsOn: readonly string[];
}

export type AgentOutcome<T> =
  | { name: string; status: "succeeded"; value: T }
  | { name: string; status: "failed"; value: T | undefined; reason: string }
  | { name: string; status: "skipped"; reason: string };

export interface ScheduleOptions<T> {
  /** Most agents running at once. */
  concurrency: number;
  /**
   * Also wait until every agent of every earlier phase has settled (succeeded, failed or been
   * skipped) before starting an agent, so it can be given all earlier-phase specs. A failure
   * still skips only the agent's real dependents. Default false: start as soon as dependencies succeed.
   */
  phaseBarrier?: boolean;
  onStart?: (name: string) => void;
  onSettled?: (outcome: AgentOutcome<T>) => void;
  /**
   * Called once per phase when every agent of that phase and all earlier phases has settled.
   * Awaited: no agent starts while it runs (e.g. while a checkpoint commit is being written).
   */
  onPhaseSettled?: (phase: number, outcomes: readonly AgentOutcome<T>[]) => void | Promise<void>;
}

/** What `run` reports for one agent. A thrown error counts as a failure with its message. */
export type RunResult<T> = { ok: true; value: T } | { ok: false; value?: T; reason: string };

/**
 * Runs agents as soon as their dependencies have succeeded (with `phaseBarrier`, also once every
 * earlier phase has settled), at most `concurrency` at once, so the whole run takes about as long
 * as its critical path. When several agents are ready, the one
 * with the longest chain of dependents goes first. A failed agent does not stop the others: its
 * (transitive) dependents are skipped with a reason naming it, everything else completes.
 */
export async function scheduleAgents<T>(
  agents: readonly SchedulableAgent[],
  run: (name: string) => Promise<RunResult<T>>,
  options: ScheduleOptions<T>,
): Promise<AgentOutcome<T>[]> {
  const byName = new Map(agents.map((a) => [a.name, a] as const));
  const deps = new Map(agents.map((a) => [a.name, a.dependsOn.filter((d) => byName.has(d) && d !== a.name)]));
  const dependents = new Map<string, string[]>(agents.map((a) => [a.name, []]));
  for (const [name, ds] of deps) for (const d of ds) dependents.get(d)?.push(name);

  // Height = longest chain of dependents below an agent; ready agents with the highest height go first.
  const height = new Map<string, number>();
  const heightOf = (name: string, seen: Set<string>): number => {
    const known = height.get(name);
    if (known !== undefined) return known;
    if (seen.has(name)) return 0;
    seen.add(name);
    const h = 1 + Math.max(0, ...(dependents.get(name) ?? []).map((d) => heightOf(d, seen)));
    height.set(name, h);
    return h;
  };
  agents.forEach((a) => heightOf(a.name, new Set()));

  const outcomes = new Map<string, AgentOutcome<T>>();
  const phases = [...new Set(agents.map((a) => a.phase))].sort((a, b) => a - b);
  let nextPhaseIndex = 0;
  const running = new Set<string>();
  // Phase callbacks run one after another, and pumping waits for them.
  let flushing: Promise<void> = Promise.resolve();
  const flush = () => {
    flushing = flushing.then(flushPhases);
    return flushing;
  };

  const settle = async (outcome: AgentOutcome<T>) => {
    outcomes.set(outcome.name, outcome);
    options.onSettled?.(outcome);
    if (outcome.status !== "succeeded") {
      for (const d of dependents.get(outcome.name) ?? []) {
        if (!outcomes.has(d) && !running.has(d)) {
          await settle({
            name: d,
            status: "skipped",
            reason: `depends on "${outcome.name}", which ${outcome.status === "skipped" ? "was skipped" : "failed"}`,
          });
        }
      }
    }
  };

  const flushPhases = async () => {
    while (nextPhaseIndex < phases.length) {
      const phase = phases[nextPhaseIndex] as number;
      const members = agents.filter((a) => a.phase <= phase);
      if (!members.every((a) => outcomes.has(a.name))) return;
      nextPhaseIndex++;
      await options.onPhaseSettled?.(
        phase,
        agents.filter((a) => a.phase === phase).map((a) => outcomes.get(a.name) as AgentOutcome<T>),
      );
    }
  };

  const ready = () =>
    agents
      .filter((a) => !outcomes.has(a.name) && !running.has(a.name))
      .filter((a) => (deps.get(a.name) ?? []).every((d) => outcomes.get(d)?.status === "succeeded"))
      .filter((a) => !options.phaseBarrier || agents.every((b) => b.phase >= a.phase || outcomes.has(b.name)))
      .sort((a, b) => (height.get(b.name) ?? 0) - (height.get(a.name) ?? 0) || a.phase - b.phase);

  await new Promise<void>((resolveAll, rejectAll) => {
    const pump = () => {
      if (outcomes.size === agents.length && running.size === 0) {
        resolveAll();
        return;
      }
      for (const agent of ready()) {
        if (running.size >= Math.max(1, options.concurrency)) break;
        running.add(agent.name);
        options.onStart?.(agent.name);
        run(agent.name)
          .then(
            (r): AgentOutcome<T> =>
              r.ok
                ? { name: agent.name, status: "succeeded", value: r.value }
                : { name: agent.name, status: "failed", value: r.value, reason: r.reason },
            (error: unknown): AgentOutcome<T> => ({
              name: agent.name,
              status: "failed",
              value: undefined,
              reason: error instanceof Error ? error.message : String(error),
            }),
          )
          .then(async (outcome) => {
            running.delete(agent.name);
            await settle(outcome);
            await flush();
            pump();
          })
          .catch(rejectAll);
      }
      if (running.size === 0 && outcomes.size < agents.length) {
        // Nothing can start: remaining agents wait on a cycle. Report instead of hanging.
        for (const a of agents) {
          if (!outcomes.has(a.name)) {
            outcomes.set(a.name, {
              name: a.name,
              status: "skipped",
              reason: "its dependencies form a cycle",
            });
          }
        }
        flush().then(resolveAll, rejectAll);
      }
    };
    pump();
  });

  return agents.map((a) => outcomes.get(a.name) as AgentOutcome<T>);
}
