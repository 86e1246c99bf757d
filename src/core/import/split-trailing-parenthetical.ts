/**
 * Splits `text (inner)` into its head and the text inside the final, balanced parentheses.
 * Returns undefined when the text does not end with a parenthesised group.
 */
export function splitTrailingParenthetical(text: string): { head: string; inner: string } | undefined {
  const t = text.trim();
  if (!t.endsWith(")")) return undefined;
  let depth = 0;
  for (let i = t.length - 1; i >= 0; i--) {
    const c = t.charAt(i);
    if (c === ")") depth++;
    else if (c === "(") depth--;
    if (depth === 0) return { head: t.slice(0, i).trim(), inner: t.slice(i + 1, -1).trim() };
  }
  return undefined;
}
