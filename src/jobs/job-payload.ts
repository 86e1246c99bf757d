import { z } from "zod";
import { SPEC_VERBS } from "../core/commands/spec-command.js";
import { configSchema } from "../core/config/config-schema.js";

const name = z.string().regex(/^[A-Za-z0-9_.-]+$/, "expected a GitHub owner or repository name");
const sha = z.string().regex(/^[0-9a-f]{40}$/, "expected a full commit SHA");
const positive = z.number().int().positive();

/** The repository a job works on, and the installation that may act on it. */
export const jobRepoSchema = z.object({
  installationId: positive,
  owner: name,
  repo: name,
  defaultBranch: z.string().min(1),
  /** `https://github.com/owner/repo`, for links in PR bodies. */
  htmlUrl: z.string().optional(),
});

/** The issue or pull request a command or label event came from. */
export const conversationSchema = z.object({
  number: positive,
  isPullRequest: z.boolean(),
  title: z.string(),
  labels: z.array(z.string()),
});

/** A parsed `/spec` command (mirrors `SpecCommand`, as JSON). */
export const specCommandSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("regenerate"),
    names: z.array(z.string().min(1)).min(1),
    withDependents: z.boolean(),
    force: z.boolean(),
  }),
  z.object({ kind: z.literal("check") }),
  z.object({ kind: z.literal("plan"), names: z.array(z.string().min(1)) }),
  z.object({ kind: z.literal("revise"), feedback: z.string().min(1) }),
  z.object({ kind: z.literal("help") }),
  z.object({ kind: z.literal("unknown"), verb: z.string(), suggestions: z.array(z.string()) }),
  z.object({ kind: z.literal("invalid"), verb: z.enum(SPEC_VERBS), message: z.string() }),
]);

/** A `/spec` command from an issue or pull-request comment. */
export const commandJobSchema = z.object({
  kind: z.literal("command"),
  repo: jobRepoSchema,
  conversation: conversationSchema,
  commentId: positive,
  sender: z.string().min(1),
  command: specCommandSchema,
});

/** An issue got a label (maybe the configured `needs-spec` one). */
export const labelJobSchema = z.object({
  kind: z.literal("issue-labeled"),
  repo: jobRepoSchema,
  conversation: conversationSchema,
  label: z.string().min(1),
  sender: z.string().min(1),
});

/** Who made a pushed commit, as the push payload says (enough to recognise Specwright's own). */
export const pushCommitSchema = z.object({
  authorLogin: z.string().optional(),
  authorEmail: z.string().optional(),
  message: z.string(),
});

/** A push to the default branch: discovery documents to draft, specs that may be stale. */
export const pushJobSchema = z.object({
  kind: z.literal("push"),
  repo: jobRepoSchema,
  /** The pushed head commit. */
  after: sha,
  /** Every path added, modified or removed by the pushed commits. */
  changedFiles: z.array(z.string()),
  /** Paths added or modified (and still present), candidates for discovery documents. */
  addedOrModified: z.array(z.string()),
  /** The pushed commits' authors and messages (empty when the push listed none). */
  commits: z.array(pushCommitSchema).default([]),
  sender: z.string().min(1),
});

/** One discovery document to turn into an implementation spec (fanned out by a push job). */
export const discoveryJobSchema = z.object({
  kind: z.literal("discovery-spec"),
  repo: jobRepoSchema,
  path: z.string().min(1),
  /** The push that added or changed the document. */
  commit: sha,
  config: configSchema,
  sender: z.string().min(1),
});

/** `/spec revise` resolved to its pull request's branch (re-queued in that branch's lane). */
export const reviseJobSchema = z.object({
  kind: z.literal("revise"),
  repo: jobRepoSchema,
  conversation: conversationSchema,
  commentId: positive,
  sender: z.string().min(1),
  /** The reviewer's feedback (without the spec's name), as written, all lines. */
  feedback: z.string().min(1),
  /** On a system-spec PR: the agent whose spec is revised (named in the command, or the PR's only spec). */
  agent: z.string().min(1).optional(),
  headBranch: z.string().min(1),
  specFile: z.string().min(1),
  config: configSchema,
});

/** Every job the queue carries. JSON-serialisable, validated again when a job starts. */
export const jobPayloadSchema = z.discriminatedUnion("kind", [
  commandJobSchema,
  labelJobSchema,
  pushJobSchema,
  discoveryJobSchema,
  reviseJobSchema,
]);

/** The repository of a job. */
export type JobRepo = z.output<typeof jobRepoSchema>;
/** The issue or pull request of a job. */
export type Conversation = z.output<typeof conversationSchema>;
/** A validated command job. */
export type CommandJob = z.output<typeof commandJobSchema>;
/** A validated label job. */
export type LabelJob = z.output<typeof labelJobSchema>;
/** One pushed commit's author and message. */
export type PushCommit = z.output<typeof pushCommitSchema>;
/** A validated push job. */
export type PushJob = z.output<typeof pushJobSchema>;
/** A validated discovery-document job. */
export type DiscoveryJob = z.output<typeof discoveryJobSchema>;
/** A validated revision job. */
export type ReviseJob = z.output<typeof reviseJobSchema>;
/** A job's payload as the queue stores it. */
export type JobPayload = z.input<typeof jobPayloadSchema>;
/** A job's payload after validation. */
export type ParsedJobPayload = z.output<typeof jobPayloadSchema>;
