import { z } from "zod";

/** The parts of GitHub responses the host relies on; everything else is ignored. */

const sha = z.string().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/, "expected a git object id");
const account = z.object({ login: z.string(), type: z.string().optional() }).nullable().optional();
const text = z
  .string()
  .nullable()
  .optional()
  .transform((value) => value ?? "");

/** `GET /repos/{owner}/{repo}`. */
export const repositorySchema = z.object({ default_branch: z.string().min(1) });

/** `GET /repos/{owner}/{repo}/branches/{branch}`. */
export const branchSchema = z.object({
  commit: z.object({ sha, commit: z.object({ tree: z.object({ sha }) }) }),
});

/** `GET /repos/{owner}/{repo}/git/commits/{sha}`, `POST …/git/commits`. */
export const gitCommitSchema = z.object({ sha, tree: z.object({ sha }) });

/** `POST /repos/{owner}/{repo}/git/trees`. */
export const gitTreeSchema = z.object({ sha });

/** `POST …/git/refs`, `PATCH …/git/refs/{ref}`. */
export const gitRefSchema = z.object({ ref: z.string(), object: z.object({ sha }) });

const signature = z.object({ email: z.string().optional() }).nullable().optional();

/** One page of `GET /repos/{owner}/{repo}/compare/{basehead}`: the commits, oldest first. */
export const compareCommitsSchema = z.object({
  commits: z.array(
    z.object({
      sha,
      commit: z.object({ message: z.string(), author: signature, committer: signature }),
      author: account,
      committer: account,
    }),
  ),
});

/** A pull request from `GET/POST/PATCH …/pulls`. */
export const pullRequestSchema = z.object({
  number: z.number().int().positive(),
  html_url: z.string(),
  title: z.string(),
  body: text,
  head: z.object({ sha, ref: z.string() }),
  base: z.object({ ref: z.string() }),
});

/** A conversation comment from `…/issues/{n}/comments` or `…/issues/comments/{id}`. */
export const issueCommentSchema = z.object({
  id: z.number().int(),
  body: text,
  html_url: z.string(),
  user: account,
  created_at: z.string(),
});

/** `GET /repos/{owner}/{repo}/collaborators/{username}/permission`. */
export const permissionSchema = z.object({
  /** Legacy base permission: admin, write, read or none. */
  permission: z.string(),
  /** The effective role: admin, maintain, write, triage, read, or a custom role's name. */
  role_name: z.string().optional(),
});

/** A check run from `POST/PATCH …/check-runs`. */
export const checkRunSchema = z.object({ id: z.number().int(), html_url: z.string().nullable().optional() });

/** `POST …/pulls/{n}/reviews`. */
export const reviewSchema = z.object({ id: z.number().int(), html_url: z.string() });

/** A line comment from `GET …/pulls/{n}/comments`. */
export const reviewCommentSchema = z.object({
  id: z.number().int(),
  body: text,
  path: z.string(),
  line: z.number().int().nullable().optional(),
  html_url: z.string(),
  user: account,
  in_reply_to_id: z.number().int().optional(),
});

/** `GET /repos/{owner}/{repo}/contents/{path}` for a file (a directory answers with an array). */
export const fileContentSchema = z.object({
  type: z.literal("file"),
  encoding: z.string(),
  content: z.string(),
  size: z.number().int().nonnegative(),
});
