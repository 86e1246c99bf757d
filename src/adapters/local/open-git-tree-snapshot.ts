import { createTreeSnapshot } from "../../core/files/create-tree-snapshot.js";
import { SnapshotError } from "../../core/errors.js";
import type { RepoSnapshot, SnapshotLimits } from "../../ports/repo-snapshot.js";
import { createGitBlobReader } from "./create-git-blob-reader.js";
import { parseLsTree } from "./parse-ls-tree.js";
import { runGit } from "./run-git.js";

/** Options of `openGitTreeSnapshot`. */
export interface GitTreeSnapshotOptions {
  /** The directory the user named (shown in the label). */
  dir: string;
  /** The repository's top-level directory (`git rev-parse --show-toplevel`). */
  root: string;
  ref: string;
  limits: SnapshotLimits;
}

/**
 * A snapshot of the committed tree at `ref` in a local git repository. Paths are relative to
 * the repository root (also when `dir` is a subdirectory); uncommitted changes are not seen.
 * The tree is listed once with `git ls-tree -r -l -z`; blobs are read by object id through one
 * `git cat-file --batch` process (see `createGitBlobReader`).
 */
export async function openGitTreeSnapshot(options: GitTreeSnapshotOptions): Promise<RepoSnapshot> {
  const { dir, root, ref } = options;
  const sha = await resolveCommit(dir, root, ref);
  const blobs = createGitBlobReader(root);
  return createTreeSnapshot({
    sha,
    label: `${dir} @ ${sha.slice(0, 7)}`,
    limits: options.limits,
    async loadEntries() {
      const listed = await runGit(
        root,
        ["ls-tree", "-r", "-l", "-z", "--full-tree", sha],
        1024 * 1024 * 1024,
      );
      if (!listed.ok) {
        throw new SnapshotError(
          `Could not list the files of ${sha.slice(0, 7)} in ${dir}: ${listed.stderr}`,
          "Check that the repository is not corrupted (`git fsck`) and try again.",
        );
      }
      return parseLsTree(listed.stdout);
    },
    readBlob: (blobSha) => blobs.read(blobSha),
  });
}

async function resolveCommit(dir: string, root: string, ref: string): Promise<string> {
  if (ref.trim() === "" || ref.startsWith("-") || ref.includes("\0")) {
    throw new SnapshotError(
      `"${ref.replace(/\0/g, "\\0")}" is not a valid git ref`,
      "Pass a branch, tag or commit SHA.",
    );
  }
  const resolved = await runGit(root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  const sha = resolved.ok ? resolved.stdout.toString("utf8").trim() : "";
  if (/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha)) return sha;
  if (ref === "HEAD") {
    const head = await runGit(root, ["rev-list", "-n", "1", "--all"]);
    if (head.ok && head.stdout.length === 0) {
      throw new SnapshotError(
        `The git repository at ${dir} has no commits yet`,
        "Commit the files first, or run against a directory that is not a git checkout.",
      );
    }
  }
  throw new SnapshotError(
    `Unknown git ref "${ref}" in ${dir}`,
    "Use a branch, tag or commit that exists in this checkout (see `git branch -a`, `git tag`, `git log --oneline`); run `git fetch` if it only exists on the remote.",
  );
}
