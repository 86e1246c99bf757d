import { lstat, mkdir, realpath, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, isAbsolute } from "node:path";
import { PathEscapeError, SnapshotError } from "../../core/errors.js";
import { normalizeRepoPath } from "../../core/files/normalize-repo-path.js";
import { runGit } from "./run-git.js";

/** The working tree the CLI writes generated files into. */
export interface WorkTree {
  /** The repository's top-level directory (the folder itself when it is not a git checkout). */
  readonly root: string;
  readonly isGit: boolean;
  /** `owner/name` from the `origin` remote when it is a GitHub-style URL, else the root folder's name. */
  readonly name: string;
  /** Which of `paths` (repository-relative) have uncommitted changes or are untracked. Empty without git. */
  uncommitted(paths: readonly string[]): Promise<string[]>;
  /** Writes a file at a repository-relative path, creating folders; refuses paths that leave the root. */
  write(path: string, content: string): Promise<void>;
}

/** `owner/name` of a remote URL (`git@github.com:o/n.git`, `https://host/o/n`), if it has that shape. */
function nameFromRemote(url: string): string | undefined {
  const match = /[/:]([^/:\s]+)\/([^/\s]+?)(?:\.git)?\/?$/.exec(url.trim());
  return match ? `${match[1]}/${match[2]}` : undefined;
}

/** Paths of `git status --porcelain=v1 -z` output (the second path of a rename entry is skipped). */
function parsePorcelain(out: string): string[] {
  const parts = out.split("\0");
  const paths: string[] = [];
  for (let i = 0; i < parts.length; i += 1) {
    const entry = parts[i] ?? "";
    if (entry.length < 4) continue;
    paths.push(entry.slice(3));
    if (entry[0] === "R" || entry[0] === "C") i += 1;
  }
  return paths;
}

/**
 * Opens the working tree around `dir` for writing: the git top-level directory when `dir` is in
 * a checkout (so repository-relative paths land where the snapshot's paths point), else `dir`.
 */
export async function openWorkTree(dir: string): Promise<WorkTree> {
  const top = await runGit(dir, ["rev-parse", "--show-toplevel"]);
  const isGit = top.ok;
  const root = await realpath(top.ok ? top.stdout.toString("utf8").replace(/\r?\n$/, "") : dir).catch(() => {
    throw new SnapshotError(
      `The directory "${dir}" does not exist`,
      "Point --repo at a repository checkout.",
    );
  });
  let name = basename(root);
  if (isGit) {
    const remote = await runGit(root, ["remote", "get-url", "origin"]);
    if (remote.ok) name = nameFromRemote(remote.stdout.toString("utf8")) ?? name;
  }
  return {
    root,
    isGit,
    name,
    async uncommitted(paths) {
      if (!isGit || paths.length === 0) return [];
      const specs = paths.map((p) => `:(top,literal)${normalizeRepoPath(p)}`);
      const status = await runGit(root, [
        "status",
        "--porcelain=v1",
        "-z",
        "--untracked-files=all",
        "--",
        ...specs,
      ]);
      if (!status.ok) {
        throw new SnapshotError(
          `git status failed in ${root}: ${status.stderr}`,
          "Fix the problem git reports, or pass --force to write without checking.",
        );
      }
      const changed = new Set(parsePorcelain(status.stdout.toString("utf8")));
      return paths.filter((p) => changed.has(normalizeRepoPath(p)));
    },
    async write(path, content) {
      const target = join(root, normalizeRepoPath(path));
      await mkdir(dirname(target), { recursive: true });
      const parent = await realpath(dirname(target));
      const inside = relative(root, parent);
      if (inside.startsWith("..") || isAbsolute(inside)) {
        throw new PathEscapeError(path, "its folder is a link to a place outside the repository");
      }
      const file = join(parent, basename(target));
      const existing = await lstat(file).catch(() => undefined);
      if (existing?.isSymbolicLink())
        throw new PathEscapeError(path, "it is a symbolic link; Specwright does not write through links");
      await writeFile(file, content, "utf8");
    },
  };
}
