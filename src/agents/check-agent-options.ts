import type { RunAgentBaseOptions } from "./agent-types.js";
import type { AgentTool } from "./tools/agent-tool.js";

/** The API allows at most this many cache breakpoints per request. */
export const MAX_CACHE_BREAKPOINTS = 4;

/**
 * Checks `runAgent` options for programming errors and returns the tools by name. Throws for
 * duplicate tool names or one named like the submission tool (`submitName`), more cache breakpoints than the API allows
 * (system blocks flagged + last tool + conversation > 4), non-positive limits or `maxTokens`,
 * and a negative `repairRounds`.
 */
export function checkAgentOptions<T>(
  options: RunAgentBaseOptions<T>,
  submitName: string,
): Map<string, AgentTool> {
  const byName = new Map<string, AgentTool>();
  for (const tool of options.tools) {
    const name = tool.definition.name;
    if (name === submitName || byName.has(name))
      throw new Error(`runAgent: duplicate or reserved tool name "${name}"`);
    byName.set(name, tool);
  }
  const { request, limits } = options;
  const breakpoints =
    request.system.filter((b) => b.cache).length +
    (request.cacheTools !== false ? 1 : 0) +
    (request.cacheConversation !== false ? 1 : 0);
  if (breakpoints > MAX_CACHE_BREAKPOINTS)
    throw new Error(`runAgent: ${breakpoints} cache breakpoints; the API allows ${MAX_CACHE_BREAKPOINTS}`);
  for (const [key, value] of Object.entries({ ...limits, maxTokens: request.maxTokens })) {
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`runAgent: ${key} must be a positive integer, got ${value}`);
  }
  if (!Number.isInteger(options.repairRounds) || options.repairRounds < 0) {
    throw new Error(`runAgent: repairRounds must be a non-negative integer, got ${options.repairRounds}`);
  }
  return byName;
}
