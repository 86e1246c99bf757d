/**
 * Renders items as a markdown bullet list (`- item` per line), collapsing line breaks inside
 * an item to spaces so each item stays one bullet. An empty list renders as the single bullet
 * `- <empty>`, so a prompt never shows a dangling heading.
 */
export function renderBullets(items: readonly string[], empty: string): string {
  const lines = items.map((item) => item.replace(/\s*\r?\n\s*/g, " ").trim()).filter((item) => item !== "");
  return (lines.length > 0 ? lines : [empty]).map((item) => `- ${item}`).join("\n");
}
