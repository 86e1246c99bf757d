import { PathEscapeError } from "../../src/core/errors.js";
import {
  DEFAULT_SNAPSHOT_LIMITS,
  type ReadFileResult,
  type RepoSnapshot,
  type SnapshotFile,
} from "../../src/ports/repo-snapshot.js";

/** Options of `createMemorySnapshot`. */
export interface MemorySnapshotOptions {
  sha?: string;
  label?: string;
  /** Files larger than this read as `too-large` (default: the shared snapshot limit). */
  maxFileBytes?: number;
}

const decoder = new TextDecoder("utf-8", { fatal: true });

function decode(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * An in-memory `RepoSnapshot` for tests and benchmarks: strings are UTF-8 text files,
 * byte arrays are decoded like a real adapter would (NUL bytes or invalid UTF-8 → `binary`).
 */
export function createMemorySnapshot(
  files: Readonly<Record<string, string | Uint8Array>> | ReadonlyMap<string, string | Uint8Array>,
  options: MemorySnapshotOptions = {},
): RepoSnapshot {
  const entries = files instanceof Map ? [...files.entries()] : Object.entries(files);
  const byPath = new Map<string, { content: string | Uint8Array; size: number }>();
  for (const [path, content] of entries) {
    const size = typeof content === "string" ? Buffer.byteLength(content, "utf8") : content.byteLength;
    byPath.set(path, { content, size });
  }
  const listing: SnapshotFile[] = [...byPath.entries()]
    .map(([path, { size }]) => ({ path, size }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const limit = options.maxFileBytes ?? DEFAULT_SNAPSHOT_LIMITS.maxFileBytes;

  return {
    sha: options.sha ?? "0123456789abcdef0123456789abcdef01234567",
    label: options.label ?? "memory",
    listFiles: async () => listing,
    async readFile(path: string): Promise<ReadFileResult> {
      if (path.startsWith("/") || path.split("/").includes(".."))
        throw new PathEscapeError(path, "leaves the repository");
      const entry = byPath.get(path);
      if (!entry) return { kind: "missing", path };
      if (entry.size > limit) return { kind: "too-large", path, size: entry.size, limit };
      const text = typeof entry.content === "string" ? entry.content : decode(entry.content);
      if (text === undefined || text.includes("\u0000")) return { kind: "binary", path, size: entry.size };
      return { kind: "text", path, text, size: entry.size };
    },
  };
}
