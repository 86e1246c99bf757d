import { normalizeRepoPath } from "../core/files/normalize-repo-path.js";
import type { ReadFileResult, RepoSnapshot, SnapshotFile } from "../ports/repo-snapshot.js";

/**
 * A snapshot that shows `files` (written during a run, e.g. specs of earlier phases) on top
 * of `base`. Reads of overlaid paths return the new text; every other read goes to `base`.
 * The overlay is live: files added to the map later are visible to later reads.
 */
export function overlaySnapshot(base: RepoSnapshot, files: ReadonlyMap<string, string>): RepoSnapshot {
  return {
    sha: base.sha,
    label: files.size > 0 ? `${base.label} + ${files.size} file(s) written in this run` : base.label,
    async listFiles(): Promise<readonly SnapshotFile[]> {
      const listed = await base.listFiles();
      if (files.size === 0) return listed;
      const merged = new Map(listed.map((f) => [f.path, f] as const));
      for (const [path, text] of files) merged.set(path, { path, size: Buffer.byteLength(text, "utf8") });
      return [...merged.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
    async readFile(input: string): Promise<ReadFileResult> {
      const path = normalizeRepoPath(input);
      const text = files.get(path);
      if (text !== undefined) return { kind: "text", path, text, size: Buffer.byteLength(text, "utf8") };
      return base.readFile(path);
    },
  };
}
