import type { GitHost } from "../../src/ports/git-host.js";

/**
 * A `GitHost` for unit tests of the job runner: every method records its call and rejects
 * unless the test gives an implementation, so an unexpected request fails the test.
 */
export function createFakeHost(overrides: Partial<GitHost> = {}): GitHost & { calls: [string, unknown[]][] } {
  const calls: [string, unknown[]][] = [];
  const handler: ProxyHandler<Partial<GitHost>> = {
    get(target, property: string) {
      if (property === "calls") return calls;
      if (property === "repository") return "orbit/books";
      if (property === "botLogin") return "specwright[bot]";
      return (...args: unknown[]) => {
        calls.push([property, args]);
        const method = (target as Record<string, unknown>)[property];
        if (typeof method !== "function")
          return Promise.reject(new Error(`unexpected host call: ${property}`));
        return (method as (...a: unknown[]) => unknown)(...args);
      };
    },
  };
  return new Proxy(overrides, handler) as GitHost & { calls: [string, unknown[]][] };
}
