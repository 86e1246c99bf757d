/**
 * An immutable index of the files in a snapshot, for fast existence checks of files
 * and directories (a directory "exists" when at least one file is under it).
 */
export interface FileIndex {
  /** All file paths, sorted. */
  readonly files: readonly string[];
  hasFile(path: string): boolean;
  /** True when at least one file lies under `dir` (with or without a trailing slash). */
  hasDirectory(dir: string): boolean;
  /** A file, or a directory with files under it. */
  exists(path: string): boolean;
  /** Files under `dir` (recursive), sorted. For a file path, the file itself. */
  filesUnder(path: string): readonly string[];
  /** Size in bytes, when known. */
  sizeOf(path: string): number | undefined;
}

/** Builds a `FileIndex`. Directory lookups are O(1) after an O(n · depth) build. */
export function createFileIndex(entries: readonly { path: string; size?: number }[]): FileIndex {
  const files = entries.map((e) => e.path).sort();
  const sizes = new Map(entries.map((e) => [e.path, e.size]));
  const fileSet = new Set(files);
  const dirStart = new Map<string, number>();
  const dirEnd = new Map<string, number>();
  files.forEach((file, i) => {
    let slash = file.indexOf("/");
    while (slash !== -1) {
      const dir = file.slice(0, slash);
      if (!dirStart.has(dir)) dirStart.set(dir, i);
      dirEnd.set(dir, i + 1);
      slash = file.indexOf("/", slash + 1);
    }
  });
  const trim = (p: string) => p.replace(/^\.\/+/, "").replace(/\/+$/, "");

  return {
    files,
    hasFile: (path) => fileSet.has(trim(path)),
    hasDirectory: (dir) => trim(dir) === "" || dirStart.has(trim(dir)),
    exists: (path) => fileSet.has(trim(path)) || dirStart.has(trim(path)),
    filesUnder(path) {
      const p = trim(path);
      if (p === "") return files;
      if (fileSet.has(p)) return [p];
      const start = dirStart.get(p);
      return start === undefined ? [] : files.slice(start, dirEnd.get(p));
    },
    sizeOf: (path) => sizes.get(trim(path)),
  };
}
