import { suggestNames } from "./suggest-names.js";

export interface UnknownSpecName {
  name: string;
  suggestions: string[];
}

/**
 * Checks the spec names of a command against the configured agents. `all` is always valid.
 * Returns the unknown names with "did you mean" suggestions (empty when every name is known).
 */
export function validateSpecNames(names: readonly string[], known: readonly string[]): UnknownSpecName[] {
  return names
    .filter((n) => n !== "all" && !known.includes(n))
    .map((name) => ({ name, suggestions: suggestNames(name, known) }));
}
