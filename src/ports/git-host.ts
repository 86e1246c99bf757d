import { SpecwrightError } from "../core/errors.js";

/**
 * Everything the job runner does on the Git host (GitHub), for ONE repository. The adapter
 * (`src/adapters/github/create-github-host.ts`) maps each method to as few requests (REST, or
 * GraphQL where one request can do the work of several) as it can; the cost of each method is noted on it so callers can keep a run's request budget.
 *
 * Every method rejects only with `GitHostError`. All free text the host posts (comments, PR
 * titles and bodies, reviews, check-run output, status descriptions) is passed through
 * `redactSecrets` and cut to GitHub's size limits by the adapter as a last line of defence;
 * renderers should still keep texts short and put hidden markers at the top.
 */
export interface GitHost {
  /** `owner/repo`. */
  readonly repository: string;
  /** The app's own login, e.g. `specwright[bot]`: comments and commits by it are Specwright's. */
  readonly botLogin: string;

  /** The repository's default branch (1 request, cached for the host's life). */
  getDefaultBranch(): Promise<string>;
  /** The branch's head commit and its tree, or `undefined` when the branch does not exist (1 request). */
  getBranchHead(branch: string): Promise<BranchHead | undefined>;
  /**
   * The heads of several branches, in order, `undefined` for a missing one: 1 request in all
   * (GraphQL; 1 REST request per branch where GraphQL cannot be used). It also lets a later
   * `commitFiles` "create" make the branch in the same request as the commit.
   */
  getBranchHeads(branches: readonly string[]): Promise<(BranchHead | undefined)[]>;
  /**
   * Commits reachable from `branch` but not from `baseSha` (oldest first), each classified as
   * made by Specwright or not. Use it before writing to a Specwright branch: any commit with
   * `madeBySpecwright: false` is someone else's work that must not be overwritten (1 request per
   * 100 commits).
   */
  listBranchCommitsSince(branch: string, baseSha: string): Promise<BranchCommit[]>;
  /**
   * Writes ALL files as ONE commit on top of `parentSha`, never dropping a commit that landed on
   * the branch meanwhile (GitHub refuses; the error's reason is `conflict`) unless `refUpdate`
   * is "force":
   * - "fast-forward", and "create" after `getBranchHeads`: 1 request (GraphQL
   *   `createCommitOnBranch`, which checks that the branch still points to `parentSha`; for
   *   "create" the branch is created at `parentSha` in the same request). GitHub makes the app
   *   the author and itself the committer, and signs the commit. It always commits, even when
   *   the files equal the branch's.
   * - "force", "create" without `getBranchHeads`, or where GraphQL lacks the mutation: the REST
   *   Git Data API, one tree request (contents inline, no blob requests), one commit request, one
   *   ref request (3 requests; +1 when `baseTreeSha` is not given; +1 when a "create" races with
   *   another writer). When the resulting tree equals the base tree nothing is written and
   *   `committed` is false.
   */
  commitFiles(request: CommitFilesRequest): Promise<CommitFilesResult>;

  /** The open pull request whose head is `branch` in this repository (1 request). */
  findOpenPullRequest(branch: string): Promise<PullRequestInfo | undefined>;
  /**
   * Opens a pull request (1 request). If GitHub answers that one already exists for the head
   * (a race with another run), the existing one is found and updated with this title and body
   * instead (2 more requests), so a branch never gets two pull requests.
   */
  createPullRequest(request: CreatePullRequestRequest): Promise<PullRequestInfo>;
  /** Changes a pull request's title and/or body (1 request). */
  updatePullRequest(pullNumber: number, changes: { title?: string; body?: string }): Promise<PullRequestInfo>;

  /** Posts a comment on an issue or pull request conversation (1 request). */
  createComment(issueNumber: number, body: string): Promise<PostedComment>;
  /** Replaces the body of an issue/PR conversation comment (1 request). */
  updateComment(commentId: number, body: string): Promise<PostedComment>;
  /**
   * Specwright's own comment (author = `botLogin`) whose body contains `marker`, e.g.
   * `<!-- specwright:progress:spec-login -->`; the oldest if several (1 request per 100 comments,
   * stops at the first match). Comments by anyone else are never returned, even if they quote the marker.
   */
  findComment(issueNumber: number, marker: string): Promise<IssueComment | undefined>;
  /** Every conversation comment of an issue or pull request, oldest first (1 request per 100). */
  listIssueComments(issueNumber: number): Promise<IssueComment[]>;
  /** Adds a reaction (e.g. 👀 `eyes` to acknowledge a command) to an issue or a comment (1 request). */
  addReaction(target: ReactionTarget, content: ReactionContent): Promise<void>;

  /** The user's effective role on the repository; `none` for unknown users (1 request). */
  getPermission(username: string): Promise<RepoPermission>;

  /** Creates a check run; annotations beyond 50 are sent in follow-up updates (1 request per 50). */
  createCheckRun(request: CreateCheckRunRequest): Promise<CheckRunInfo>;
  /** Updates a check run; annotations are appended, 50 per request (at least 1 request). */
  updateCheckRun(checkRunId: number, request: UpdateCheckRunRequest): Promise<CheckRunInfo>;

  /** Posts a pull request review with line comments, all in one request. */
  createReview(request: CreateReviewRequest): Promise<ReviewInfo>;
  /** Every line comment of a pull request, with bodies, oldest first (1 request per 100). */
  listReviewComments(pullNumber: number): Promise<ReviewComment[]>;
  /** Replaces the body of a pull request line comment (1 request). */
  updateReviewComment(commentId: number, body: string): Promise<void>;

  /** Sets a commit status (1 request). The description is cut to GitHub's 140 characters. */
  setCommitStatus(request: CommitStatusRequest): Promise<void>;
  /** A text file at `ref`, or `undefined` when it does not exist (1 request; files up to 1 MB). */
  getFileText(path: string, ref: string): Promise<string | undefined>;
}

/**
 * Commit-message trailer that marks Specwright's commits, e.g. `Specwright-Run: 7f3a…`. The
 * adapter appends it when `CommitFilesRequest.runId` is given.
 */
export const SPECWRIGHT_RUN_TRAILER = "Specwright-Run";

/** A branch's head. */
export interface BranchHead {
  sha: string;
  treeSha: string;
}

/** One commit on a branch, as `listBranchCommitsSince` reports it. */
export interface BranchCommit {
  sha: string;
  /** GitHub account of the author, when the author's email is linked to one. */
  authorLogin: string | undefined;
  /** GitHub account of the committer (who created the commit object), when linked. */
  committerLogin: string | undefined;
  committerEmail: string | undefined;
  message: string;
  /**
   * True when Specwright created the commit: the committer is the app (`botLogin`, or the app's
   * `…+<botLogin>@users.noreply.github.com` email) AND the author is the app or the message has a
   * `Specwright-Run:` trailer; or (commits made through GraphQL) the author is the app, the
   * committer GitHub itself (`web-flow`) AND the message has the trailer. A human who amends or
   * rebases a Specwright commit becomes its committer, so a copied trailer alone never makes a
   * commit Specwright's.
   */
  madeBySpecwright: boolean;
}

/** How `commitFiles` moves the branch. */
export type RefUpdate =
  /** The branch does not exist yet: create it. If it was created meanwhile, fall back to "fast-forward". */
  | "create"
  /** Move the existing branch; GitHub refuses when the new commit does not descend from its head. */
  | "fast-forward"
  /** Move the branch even if that drops commits (only after the user asked, e.g. `--force`). */
  | "force";

/** What `commitFiles` writes. */
export interface CommitFilesRequest {
  branch: string;
  /** The new commit's only parent. */
  parentSha: string;
  /** Tree the files are laid over; defaults to `parentSha`'s tree (one extra request). */
  baseTreeSha?: string;
  /** Files to add or replace (UTF-8 text), repository-relative paths. */
  files: readonly { path: string; content: string }[];
  /** Repository-relative paths to delete; each must exist in the base tree. */
  deletions?: readonly string[];
  message: string;
  /** Appended to the message as a `Specwright-Run: <runId>` trailer. */
  runId?: string;
  refUpdate: RefUpdate;
}

/** What `commitFiles` did. */
export interface CommitFilesResult {
  /** The new commit, or `parentSha` when nothing changed. */
  commitSha: string;
  treeSha: string;
  /** False when the files already had this content at the base: no commit, no ref change. */
  committed: boolean;
}

/** An open (or just opened) pull request. */
export interface PullRequestInfo {
  number: number;
  url: string;
  title: string;
  /** Empty string when the PR has no body. */
  body: string;
  headSha: string;
  headBranch: string;
  baseBranch: string;
}

/** What `createPullRequest` opens. */
export interface CreatePullRequestRequest {
  /** Branch with the changes (in this repository). */
  head: string;
  /** Branch to merge into, usually the default branch. */
  base: string;
  title: string;
  body: string;
  draft?: boolean;
}

/** A comment Specwright just created or updated. */
export interface PostedComment {
  id: number;
  url: string;
}

/** A conversation comment on an issue or pull request. */
export interface IssueComment {
  id: number;
  /** Empty string when the comment has no body. */
  body: string;
  url: string;
  /** Undefined for deleted ("ghost") accounts. */
  authorLogin: string | undefined;
  /** `User`, `Bot` or `Organization` as GitHub reports it. */
  authorType: string | undefined;
  /** Written by this app (`botLogin`). */
  isOwn: boolean;
  createdAt: string;
}

/** What a reaction is added to. */
export type ReactionTarget = { kind: "issue"; issueNumber: number } | { kind: "comment"; commentId: number };

/** The reactions GitHub accepts. */
export type ReactionContent = "+1" | "-1" | "laugh" | "confused" | "heart" | "hooray" | "rocket" | "eyes";

/** A user's effective role on a repository, lowest to highest: none < read < triage < write < maintain < admin. */
export type RepoPermission = "none" | "read" | "triage" | "write" | "maintain" | "admin";

/** Severity of a check-run annotation, as GitHub names them. */
export type AnnotationLevel = "notice" | "warning" | "failure";

/** A line annotation on a check run. */
export interface CheckAnnotation {
  path: string;
  /** 1-based; values below 1 are sent as 1. */
  startLine: number;
  /** Defaults to `startLine`. */
  endLine?: number;
  level: AnnotationLevel;
  message: string;
  /** Cut to 255 characters. */
  title?: string;
  rawDetails?: string;
}

/** The visible output of a check run. `summary` and `text` are Markdown, cut to 65,535 characters. */
export interface CheckRunOutput {
  title: string;
  summary: string;
  text?: string;
  annotations?: readonly CheckAnnotation[];
}

export type CheckRunStatus = "queued" | "in_progress" | "completed";
export type CheckRunConclusion =
  "success" | "failure" | "neutral" | "cancelled" | "skipped" | "timed_out" | "action_required";

/** What `createCheckRun` creates. Giving a `conclusion` completes the run. */
export interface CreateCheckRunRequest {
  name: string;
  headSha: string;
  status?: CheckRunStatus;
  conclusion?: CheckRunConclusion;
  output: CheckRunOutput;
  /** Link shown as "Details", e.g. the PR or the progress comment. */
  detailsUrl?: string;
  /** Our reference for the run (e.g. the job id). */
  externalId?: string;
}

/** What `updateCheckRun` changes. Annotations are appended to the existing ones. */
export interface UpdateCheckRunRequest {
  status?: CheckRunStatus;
  conclusion?: CheckRunConclusion;
  output?: CheckRunOutput;
  detailsUrl?: string;
}

/** A check run Specwright created or updated. */
export interface CheckRunInfo {
  id: number;
  url: string;
}

/** One line comment of a review, on the new version of the file (`RIGHT`) by default. */
export interface ReviewLineComment {
  path: string;
  /** 1-based line in the file; it must be part of the pull request's diff. */
  line: number;
  side?: "RIGHT" | "LEFT";
  /** First line of a multi-line comment (same side). */
  startLine?: number;
  body: string;
}

/** What `createReview` posts. Specwright never approves. */
export interface CreateReviewRequest {
  pullNumber: number;
  /** The head commit the comments refer to. */
  commitId: string;
  body: string;
  event: "COMMENT" | "REQUEST_CHANGES";
  comments: readonly ReviewLineComment[];
}

/** A review Specwright posted. */
export interface ReviewInfo {
  id: number;
  url: string;
}

/** A line comment on a pull request. */
export interface ReviewComment {
  id: number;
  body: string;
  path: string;
  /** Undefined when the line is no longer in the diff (outdated comment). */
  line: number | undefined;
  url: string;
  authorLogin: string | undefined;
  /** Written by this app (`botLogin`). */
  isOwn: boolean;
  /** Set on replies: the id of the comment replied to. */
  inReplyToId: number | undefined;
}

/** A commit status (the older, simpler sibling of check runs). */
export interface CommitStatusRequest {
  sha: string;
  state: "pending" | "success" | "failure" | "error";
  /** Label that identifies the status, e.g. `specwright/staleness`; setting it again replaces it. */
  context: string;
  description: string;
  targetUrl?: string;
}

/** Why a Git-host request failed; lets callers react without parsing messages. */
export type GitHostErrorReason =
  /** The app lacks a permission on the installation (HTTP 403). */
  | "permission"
  /** Credentials rejected (HTTP 401). */
  | "auth"
  /** Primary or secondary rate limit. */
  | "rate-limit"
  /** Repository, branch, commit, issue, comment… not found (HTTP 404). */
  | "not-found"
  /** Someone else changed the same thing: ref exists / not a fast-forward / PR exists / empty repo. */
  | "conflict"
  /** GitHub refused the request's content (HTTP 422), e.g. a review line outside the diff. */
  | "validation"
  /** GitHub failed (HTTP 5xx). */
  | "server"
  /** GitHub could not be reached. */
  | "network"
  /** GitHub answered with a body that lacks what the adapter relies on. */
  | "unexpected-response"
  /** The caller asked for something impossible (bad path, branch name, duplicate file). */
  | "invalid-request";

/** A Git-host request failed. `message` says what failed, `hint` what to do about it. */
export class GitHostError extends SpecwrightError {
  override readonly name = "GitHostError";
  constructor(
    message: string,
    hint: string,
    readonly reason: GitHostErrorReason,
    /** HTTP status, when GitHub answered. */
    readonly status?: number,
    /** GitHub's own error text (redacted), e.g. `Reference already exists`. */
    readonly githubMessage?: string,
  ) {
    super(message, hint);
  }
}
