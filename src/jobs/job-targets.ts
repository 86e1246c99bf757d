import { createHash } from "node:crypto";
import type { JobRepo } from "./job-payload.js";

/** The branch every system-spec run writes. */
export const SYSTEM_SPECS_BRANCH = "specwright/system-specs";
/** The progress-comment and PR target of system-spec runs. */
export const SYSTEM_SPECS_TARGET = "system-specs";

/** `owner/repo`. */
export function fullName(repo: Pick<JobRepo, "owner" | "repo">): string {
  return `${repo.owner}/${repo.repo}`;
}

/**
 * A branch- and file-name-safe slug of a title: lower-case ASCII letters, digits and dashes,
 * at most 60 characters cut at a dash; `fallback` when nothing is left (e.g. an emoji title).
 */
export function slugify(title: string, fallback: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug === "") return fallback;
  if (slug.length <= 60) return slug;
  const cut = slug.slice(0, 61);
  const lastDash = cut.lastIndexOf("-");
  return (lastDash > 20 ? cut.slice(0, lastDash) : cut.slice(0, 60)).replace(/-+$/, "");
}

/**
 * The slug of an implementation spec drafted from an issue: its number, then its title
 * (`12-login`), so two issues with the same title get separate branches, files and PRs.
 */
export function issueSlug(issue: { number: number; title: string }): string {
  const title = slugify(issue.title, "");
  return title === "" ? `issue-${issue.number}` : `${issue.number}-${title}`;
}

/**
 * The slug of an implementation spec drafted from a discovery document (its file name). Two
 * documents with the same file name share it; the job refuses the second while the first's
 * pull request is open (see `runImplementationSpec`).
 */
export function documentSlug(path: string): string {
  const file = path.split("/").pop() ?? path;
  return slugify(file.replace(/\.[^.]+$/, ""), "discovery");
}

/** Everything named after an implementation spec's slug. */
export interface ImplementationTarget {
  slug: string;
  /** `spec-<slug>`: progress-comment and PR marker target, and the name `/spec regenerate` accepts. */
  target: string;
  branch: string;
  /** The spec file, from `implementationSpecs.output`. */
  outputPath: string;
}

/** The target, branch and output path of the implementation spec with this slug. */
export function implementationTarget(slug: string, outputPattern: string): ImplementationTarget {
  return {
    slug,
    target: `spec-${slug}`,
    branch: `specwright/spec-${slug}`,
    outputPath: outputPattern
      .split("{slug}")
      .join(slug)
      .replace(/^\.\/+/, ""),
  };
}

/** The queue lane of work on one branch of one repository. */
export function branchLane(repo: Pick<JobRepo, "owner" | "repo">, branch: string): string {
  return `${fullName(repo)}#${branch}`;
}

/** The queue lane of jobs that only talk in one conversation (help, plan, check, replies). */
export function conversationLane(repo: Pick<JobRepo, "owner" | "repo">, issueNumber: number): string {
  return `${fullName(repo)}#conversation-${issueNumber}`;
}

/** A short, stable digest for job keys (e.g. of free-text feedback). */
export function digest(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/** A readable title from a slug: "login-rate-limits" → "Login rate limits". */
export function titleFromSlug(slug: string): string {
  const words = slug.replace(/-+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
