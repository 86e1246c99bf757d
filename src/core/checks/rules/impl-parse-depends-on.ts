/** "No dependency" in a Depends On cell: a dash, `none` or `n/a` (also an empty cell). */
export const NO_DEPENDENCY = /^(?:[—–-]+|none|n\/a)?$/i;
const SEPARATOR = /(\s*(?:,|;|\+|&|\band\b)\s*)/i;

/** Chunk-name key: lower-case letters and digits, `&` and `+` read as "and". */
export function chunkKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[&+]/g, " and ")
    .replace(/[^a-z0-9]/g, "");
}

/** A chunk named in the plan (table row or details entry). */
export interface KnownChunk {
  key: string;
  name: string;
  phase: number;
}

function matchChunk(known: readonly KnownChunk[], text: string): KnownChunk | undefined {
  const key = chunkKey(text);
  if (key === "") return undefined;
  return (
    known.find((k) => k.key === key) ??
    // A reference may shorten a chunk name ("Login" for "Login and register endpoints"), never extend it.
    known.find((k) => key.length >= 6 && k.key.startsWith(key))
  );
}

/**
 * Splits a Depends On cell (`Phase 1 + Auth utilities`) into phase numbers, known chunks and unknown
 * names. Chunk names may contain "and" or "+" themselves, so the longest run of pieces naming a chunk wins.
 */
export function parseDependsOn(
  cell: string,
  known: readonly KnownChunk[],
): { phases: number[]; chunks: KnownChunk[]; unknown: string[] } {
  const phases = [...cell.matchAll(/\bphases?\s+(\d+)/gi)].map((m) => Number(m[1]));
  const rest = cell.replace(/\bphases?\s+\d+/gi, " ").replace(/\([^)]*\)/g, " ");
  const tokens = rest.split(SEPARATOR); // even indexes: pieces, odd indexes: separators
  const chunks: KnownChunk[] = [];
  const unknown: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const piece = tokens[i] ?? "";
    if (i % 2 === 1 || NO_DEPENDENCY.test(piece.trim())) {
      i += 1;
      continue;
    }
    let matched: { chunk: KnownChunk; next: number } | undefined;
    for (let j = tokens.length - 1; j >= i && !matched; j -= 2) {
      const chunk = matchChunk(known, tokens.slice(i, j + 1).join(""));
      if (chunk) matched = { chunk, next: j + 1 };
    }
    if (matched) {
      chunks.push(matched.chunk);
      i = matched.next;
    } else {
      unknown.push(piece.trim());
      i += 1;
    }
  }
  return { phases, chunks, unknown };
}
