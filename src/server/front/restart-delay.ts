/** A front that dies sooner than this after its start died quickly. */
export const QUICK_DEATH_MS = 10_000;

/**
 * How long to wait before replacing a front: at once after a death that was not quick (a crash
 * after a long life may be a one-off), else `baseMs` doubled for each further quick death in a
 * row, at most 30 s.
 */
export function restartDelay(quickDeaths: number, baseMs: number): number {
  return quickDeaths === 0 ? 0 : Math.min(baseMs * 2 ** (quickDeaths - 1), 30_000);
}
