import { stat } from "node:fs/promises";
import { SnapshotError } from "../../core/errors.js";
import {
  DEFAULT_SNAPSHOT_LIMITS,
  type RepoSnapshot,
  type SnapshotLimits,
} from "../../ports/repo-snapshot.js";
import { openGitTreeSnapshot } from "./open-git-tree-snapshot.js";
import { openPlainDirectorySnapshot } from "./open-plain-directory-snapshot.js";
import { runGit } from "./run-git.js";

/** Options of `openLocalSnapshot`. */
export interface LocalSnapshotOptions {
  /** A git checkout (or any directory inside one), or a plain directory. */
  dir: string;
  /** Branch, tag or commit to read (git checkouts only; default `HEAD`). */
  ref?: string;
  limits?: Partial<SnapshotLimits>;
}

/**
 * Opens a snapshot of a local directory.
 * - Inside a git work tree: the committed tree at `ref` (default `HEAD`), with paths relative
 *   to the repository root even when `dir` is a subdirectory; `sha` is the commit and the label
 *   `<dir> @ <short sha>`. Uncommitted changes are not part of it.
 * - Otherwise (or when git is not installed): the files on disk, `sha` = `WORKTREE`; passing a
 *   `ref` is then a `SnapshotError`.
 * Throws `SnapshotError` for a missing directory or an unknown ref.
 */
export async function openLocalSnapshot(options: LocalSnapshotOptions): Promise<RepoSnapshot> {
  const { dir, ref } = options;
  const limits: SnapshotLimits = {
    maxFileBytes: options.limits?.maxFileBytes ?? DEFAULT_SNAPSHOT_LIMITS.maxFileBytes,
    maxTotalBytes: options.limits?.maxTotalBytes ?? DEFAULT_SNAPSHOT_LIMITS.maxTotalBytes,
  };
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new SnapshotError(
      info ? `"${dir}" is not a directory` : `The directory "${dir}" does not exist`,
      "Point --repo at the root of a repository checkout (or any folder of files).",
    );
  }

  const topLevel = await runGit(dir, ["rev-parse", "--show-toplevel"]);
  if (topLevel.ok) {
    const root = topLevel.stdout.toString("utf8").replace(/\r?\n$/, "");
    return openGitTreeSnapshot({ dir, root, ref: ref ?? "HEAD", limits });
  }
  if (!topLevel.gitMissing && !/not a git repository/i.test(topLevel.stderr)) {
    throw new SnapshotError(
      `git could not open the repository at ${dir}: ${topLevel.stderr}`,
      "Fix the problem git reports (for example mark the directory as safe with `git config --global --add safe.directory <dir>`), then run again.",
    );
  }
  if (ref !== undefined) {
    throw new SnapshotError(
      topLevel.gitMissing
        ? `git is not installed, so the ref "${ref}" cannot be read from ${dir}`
        : `${dir} is not a git checkout, so the ref "${ref}" cannot be read`,
      topLevel.gitMissing
        ? "Install git, or leave out --ref to read the files on disk."
        : "Leave out --ref to read the files on disk, or point --repo at a git checkout.",
    );
  }
  return openPlainDirectorySnapshot({ dir, limits });
}
