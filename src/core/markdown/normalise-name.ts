/**
 * A comparison key for feature and section names: lower-case, markdown and punctuation dropped,
 * `&` read as `and`, whitespace collapsed. `**Session pause/resume**` and `Session Pause / Resume` share a key.
 */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[*_`~]/g, "")
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
