/** A spec file name; starts only at a token start, so a long word is scanned once (not quadratically). */
const SPEC_FILE = /(?<![\w.-])([\w.-]+)\.md\b/g;
const HANDOFF = /\b(?:owned\s+by|belongs\s+to|see)\s+(?!this\b|here\b)/i;

/**
 * True when a line (a file-tree entry's note, a table row) says the thing belongs to another spec:
 * it names a spec file other than `selfPath`, or says "owned by …" / "see …".
 */
export function pointsElsewhere(text: string, selfPath: string): boolean {
  const self = selfPath.slice(selfPath.lastIndexOf("/") + 1);
  for (const m of text.matchAll(SPEC_FILE)) if (`${m[1]}.md` !== self) return true;
  return HANDOFF.test(text);
}
