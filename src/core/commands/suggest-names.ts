import { distance } from "fastest-levenshtein";

/**
 * "Did you mean" candidates for a mistyped name: the known names within an edit distance of
 * about a third of the word's length (at least 2), plus names that contain it, closest first.
 */
export function suggestNames(input: string, known: readonly string[], max = 3): string[] {
  const needle = input.toLowerCase();
  const limit = Math.max(2, Math.floor(needle.length / 3));
  return known
    .map((name) => {
      const lower = name.toLowerCase();
      const d = distance(needle, lower);
      const contains = needle.length >= 3 && (lower.includes(needle) || needle.includes(lower));
      return { name, score: contains ? Math.min(d, 1) : d };
    })
    .filter((c) => c.score <= limit)
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, max)
    .map((c) => c.name);
}
