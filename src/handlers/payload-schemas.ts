import { z } from "zod";

/**
 * The parts of GitHub's webhook payloads the handlers rely on; everything else is ignored.
 * Shapes follow GitHub's documented `issues`, `issue_comment` and `push` payloads.
 */

const login = z.string().min(1);

/** A user, bot or organisation account (`sender`, `comment.user`). */
export const accountSchema = z.object({ login, type: z.string().optional() });

/** `repository` of every repository event. */
export const repositorySchema = z.object({
  name: z.string().min(1),
  owner: z.object({ login }),
  default_branch: z.string().min(1),
  html_url: z.string().optional(),
});

/** `installation`: present on deliveries to a GitHub App. */
export const installationSchema = z.object({ id: z.number().int().positive() });

const issueSchema = z.object({
  number: z.number().int().positive(),
  title: z.string(),
  /** Present (an object with URLs) when the issue is a pull request. */
  pull_request: z.object({}).passthrough().nullish(),
  labels: z
    .array(z.object({ name: z.string() }))
    .nullish()
    .transform((labels) => (labels ?? []).map((l) => l.name)),
});

/** `issue_comment` with action `created`, on an issue or a pull request conversation. */
export const issueCommentCreatedSchema = z.object({
  action: z.literal("created"),
  issue: issueSchema,
  comment: z.object({
    id: z.number().int().positive(),
    body: z
      .string()
      .nullish()
      .transform((b) => b ?? ""),
    user: accountSchema.nullish(),
  }),
  repository: repositorySchema,
  installation: installationSchema,
  sender: accountSchema,
});

/** `issues` with action `labeled`. */
export const issuesLabeledSchema = z.object({
  action: z.literal("labeled"),
  issue: issueSchema,
  label: z.object({ name: z.string().min(1) }),
  repository: repositorySchema,
  installation: installationSchema,
  sender: accountSchema,
});

const paths = z
  .array(z.string())
  .nullish()
  .transform((p) => p ?? []);

/** `push`: a branch or tag was pushed to. */
export const pushSchema = z.object({
  ref: z.string().min(1),
  after: z.string(),
  deleted: z.boolean().optional(),
  commits: z
    .array(
      z.object({
        id: z.string(),
        message: z
          .string()
          .nullish()
          .transform((m) => m ?? ""),
        /** `username` is set when the author's email belongs to a GitHub account. */
        author: z.object({ email: z.string().nullish(), username: z.string().nullish() }).nullish(),
        added: paths,
        modified: paths,
        removed: paths,
      }),
    )
    .nullish()
    .transform((c) => c ?? []),
  repository: repositorySchema,
  installation: installationSchema,
  sender: accountSchema,
});

/** A validated `issue_comment.created` payload. */
export type IssueCommentCreated = z.output<typeof issueCommentCreatedSchema>;
/** A validated `issues.labeled` payload. */
export type IssuesLabeled = z.output<typeof issuesLabeledSchema>;
/** A validated `push` payload. */
export type PushPayload = z.output<typeof pushSchema>;
/** A validated `repository` object of a payload. */
export type RepositoryPayload = z.output<typeof repositorySchema>;
