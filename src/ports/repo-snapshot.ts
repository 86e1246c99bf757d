/**
 * A read-only view of a repository at one fixed commit. Every path is relative to the
 * repository root, uses forward slashes, and has been checked by `normalizeRepoPath`
 * (src/core/files/normalize-repo-path.ts).
 */
export interface SnapshotFile {
  /** Normalised repository path, e.g. `src/app.ts`. */
  path: string;
  /** Size in bytes. */
  size: number;
}

export type ReadFileResult =
  | { kind: "text"; path: string; text: string; size: number }
  /** Not valid UTF-8 text, or contains NUL bytes: reported, never read into prompts. */
  | { kind: "binary"; path: string; size: number }
  /** Larger than the snapshot's per-file limit: reported, not read. */
  | { kind: "too-large"; path: string; size: number; limit: number }
  | { kind: "missing"; path: string };

export interface RepoSnapshot {
  /** The commit SHA the snapshot shows; for a plain directory (no git) the literal `WORKTREE`. */
  readonly sha: string;
  /** Human-readable description, e.g. `acme/widgets@1a2b3c4` or `/path/to/checkout (HEAD 1a2b3c4)`. */
  readonly label: string;
  /** Every regular file (symlinks that stay inside the repo are listed as the file they name). Sorted by path. */
  listFiles(): Promise<readonly SnapshotFile[]>;
  /** Reads one file. Throws `PathEscapeError` for a path that leaves the repository. */
  readFile(path: string): Promise<ReadFileResult>;
}

/** Size limits shared by every adapter. */
export interface SnapshotLimits {
  /** Largest file read, in bytes. */
  maxFileBytes: number;
  /** Largest total download in bytes (GitHub: blob bytes fetched over the snapshot's life). */
  maxTotalBytes: number;
}

export const DEFAULT_SNAPSHOT_LIMITS: SnapshotLimits = {
  maxFileBytes: 1024 * 1024,
  maxTotalBytes: 200 * 1024 * 1024,
};
