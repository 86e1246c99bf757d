import { createTreeSnapshot } from "../../core/files/create-tree-snapshot.js";
import { SnapshotError } from "../../core/errors.js";
import {
  DEFAULT_SNAPSHOT_LIMITS,
  type RepoSnapshot,
  type SnapshotLimits,
} from "../../ports/repo-snapshot.js";
import {
  blobResponseSchema,
  commitShaResponseSchema,
  treeResponseSchema,
} from "./github-snapshot-schemas.js";
import { requestSnapshotData, type SnapshotOctokit } from "./request-snapshot-data.js";

/** Options of `openGithubSnapshot`. */
export interface GithubSnapshotOptions {
  /** `new Octokit()` from `@octokit/rest`, or Probot's `context.octokit`. */
  octokit: SnapshotOctokit;
  owner: string;
  repo: string;
  /** Branch, tag or commit SHA. A full 40-hex SHA is used as-is, without a request. */
  ref: string;
  /** `maxFileBytes` per file; `maxTotalBytes` caps the blob bytes downloaded over the snapshot's life. */
  limits?: Partial<SnapshotLimits>;
}

/**
 * Opens a snapshot of a GitHub repository at one commit, over the REST API:
 * 1. `GET /repos/{owner}/{repo}/commits/{ref}` with the `sha` media type resolves the ref to a
 *    commit SHA (skipped when `ref` already is one);
 * 2. on first use, ONE `GET /repos/{owner}/{repo}/git/trees/{commit_sha}?recursive=1` lists the
 *    whole tree; a truncated listing (over 100,000 entries / 7 MB) is a `SnapshotError` rather
 *    than a partial snapshot;
 * 3. `GET /repos/{owner}/{repo}/git/blobs/{file_sha}` fetches a blob only when it is read and
 *    within `maxFileBytes` (the size comes from the tree), once per blob SHA.
 * Symlinks are resolved by fetching their (tiny) blobs when the tree is loaded and confined to
 * the repository like the local adapter does. API failures become `SnapshotError`s with hints.
 */
export async function openGithubSnapshot(options: GithubSnapshotOptions): Promise<RepoSnapshot> {
  const { octokit, owner, repo, ref } = options;
  const limits: SnapshotLimits = {
    maxFileBytes: options.limits?.maxFileBytes ?? DEFAULT_SNAPSHOT_LIMITS.maxFileBytes,
    maxTotalBytes: options.limits?.maxTotalBytes ?? DEFAULT_SNAPSHOT_LIMITS.maxTotalBytes,
  };
  if (!/^[A-Za-z0-9_.-]+$/.test(owner) || !/^[A-Za-z0-9_.-]+$/.test(repo)) {
    throw new SnapshotError(
      `"${owner}/${repo}" is not a valid GitHub repository name`,
      "Use the form owner/name.",
    );
  }
  if (ref.trim() === "") throw new SnapshotError("The git ref is empty", "Pass a branch, tag or commit SHA.");
  const fullName = `${owner}/${repo}`;
  const sha = /^[0-9a-f]{40}$/i.test(ref)
    ? ref.toLowerCase()
    : await requestSnapshotData(
        octokit,
        "GET /repos/{owner}/{repo}/commits/{ref}",
        { owner, repo, ref, mediaType: { format: "sha" } },
        commitShaResponseSchema,
        {
          repo: fullName,
          what: `the ref "${ref}"`,
          notFoundHint: `Check that the repository exists, that the app or token can read it, and that "${ref}" is a branch, tag or commit in it.`,
        },
      );

  const blobs = new Map<string, Promise<Uint8Array>>();
  let downloaded = 0;
  const fetchBlob = async (blobSha: string): Promise<Uint8Array> => {
    const blob = await requestSnapshotData(
      octokit,
      "GET /repos/{owner}/{repo}/git/blobs/{file_sha}",
      { owner, repo, file_sha: blobSha },
      blobResponseSchema,
      {
        repo: fullName,
        what: `the blob ${blobSha}`,
        notFoundHint: "The commit may have been removed; run again.",
      },
    );
    return blob.encoding === "base64"
      ? Buffer.from(blob.content, "base64")
      : Buffer.from(blob.content, "utf8");
  };

  return createTreeSnapshot({
    sha,
    label: `${fullName}@${sha.slice(0, 7)}`,
    limits,
    async loadEntries() {
      const tree = await requestSnapshotData(
        octokit,
        "GET /repos/{owner}/{repo}/git/trees/{tree_sha}",
        { owner, repo, tree_sha: sha, recursive: "1" },
        treeResponseSchema,
        {
          repo: fullName,
          what: `the file tree of ${sha.slice(0, 7)}`,
          notFoundHint: `Check that the commit ${sha} exists in ${fullName} and that the app or token can read it.`,
        },
      );
      if (tree.truncated) {
        throw new SnapshotError(
          `${fullName} is too large for one tree request: GitHub truncated the file list at ${sha.slice(0, 7)}`,
          "Run Specwright's CLI on a local checkout of the repository instead (`specwright plan --repo <dir>`).",
        );
      }
      return tree.tree;
    },
    readBlob(blobSha, size) {
      const cached = blobs.get(blobSha);
      if (cached) return cached;
      if (downloaded + size > limits.maxTotalBytes) {
        return Promise.reject(
          new SnapshotError(
            `Reading ${fullName} needs more than ${limits.maxTotalBytes} bytes of file content`,
            "Narrow the key files and specs to read, or raise the snapshot's total size limit.",
          ),
        );
      }
      downloaded += size;
      const pending = fetchBlob(blobSha).catch((error: unknown) => {
        blobs.delete(blobSha);
        downloaded -= size;
        throw error;
      });
      blobs.set(blobSha, pending);
      return pending;
    },
  });
}
