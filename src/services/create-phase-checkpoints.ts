/** Tracks when each phase of a run has settled and runs its checkpoints one after another. */
export interface PhaseCheckpoints {
  /** Call synchronously when an agent has settled (its record and files stored). */
  settled(name: string): void;
  /** Resolves when every checkpoint started so far has finished. */
  idle(): Promise<void>;
}

/**
 * Phase checkpoints that cannot race the scheduler: a phase counts as settled when every agent
 * of it and of all earlier phases has settled, detected synchronously in `settled()`. At that
 * moment `prepare(phase)` is called (so it can capture the files as they are) and the task it
 * returns is queued behind earlier checkpoints. Agents about to start await `idle()`, so no agent
 * starts while a checkpoint of an earlier phase is still being saved.
 */
export function createPhaseCheckpoints(
  agents: readonly { name: string; phase: number }[],
  prepare: (phase: number) => () => Promise<void>,
): PhaseCheckpoints {
  const phases = [...new Set(agents.map((a) => a.phase))].sort((a, b) => a - b);
  const done = new Set<string>();
  let next = 0;
  let chain: Promise<void> = Promise.resolve();
  return {
    settled(name) {
      done.add(name);
      while (next < phases.length) {
        const phase = phases[next] as number;
        if (!agents.every((a) => a.phase > phase || done.has(a.name))) return;
        next += 1;
        const task = prepare(phase);
        chain = chain.then(task);
      }
    },
    idle: () => chain,
  };
}
