import { configSchema, type Config } from "../../src/core/config/config-schema.js";
import type { RepoSnapshot } from "../../src/ports/repo-snapshot.js";
import { createMemorySnapshot } from "../helpers/memory-snapshot.js";

/**
 * A small fictional repository ("Harbor", a job scheduler) with two system specs, a brief and a
 * registry, for the consistency-review tests. jobs.md and workers.md disagree about retries
 * (lines 14 and 9); workers.md is short and cites a file that does not exist, so the
 * deterministic checker reports a `length` and a `citation-missing` finding on it.
 */
export const BRIEF = `# Harbor — Boundary Brief

## 1. Ownership Rules

| Spec | Owns |
|------|------|
| jobs.md | Job records, scheduling and retries |
| workers.md | Worker processes that run jobs |

## 2. Canonical Glossary

| Term | Definition | Do NOT call it |
|------|------------|----------------|
| Job | One unit of work with a payload and a schedule | task |
| Worker | A process that takes jobs from the queue and runs them | runner |
`;

export const REGISTRY = `# Harbor — Feature Registry

## 1. Jobs

| Feature | Status | Evidence |
|---------|--------|----------|
| Job scheduling | Implemented | \`src/jobs/schedule.ts\` |

## 2. Workers

| Feature | Status | Evidence |
|---------|--------|----------|
| Worker loop | Implemented | \`src/workers/loop.ts\` |
`;

export const JOBS_SPEC = `# Jobs — System Spec

## 1. Overview

Jobs owns the job records: creating them, scheduling them and deciding what happens when one fails.
Workers (workers.md) take scheduled jobs and run them.

## 2. Scheduling

\`src/jobs/schedule.ts\` stores each job with its next run time.

## 3. Failures

Failed jobs are retried three times with exponential backoff before they are marked dead.
The retry count lives on the job record in \`src/jobs/schedule.ts\`.

## 4. Feature Status

| Feature | Status | Evidence |
|---------|--------|----------|
| Job scheduling | Implemented | \`src/jobs/schedule.ts\` |

The queue itself is described in workers.md.
`;

export const WORKERS_SPEC = `# Workers — System Spec

## 1. Overview

Workers run jobs. The loop is in \`src/workers/loop.ts\` and the pool in \`src/workers/pool.ts\`.

## 2. Failures

A failed job is dropped; workers never retry.
`;

export const FILES: Record<string, string> = {
  "docs/specs/boundary-brief.md": BRIEF,
  "docs/specs/feature-registry.md": REGISTRY,
  "docs/specs/jobs.md": JOBS_SPEC,
  "docs/specs/workers.md": WORKERS_SPEC,
  "src/jobs/schedule.ts": "export function schedule(job: { runAt: Date }) {\n  return job;\n}\n",
  "src/workers/loop.ts": "export async function loop() {\n  for (;;) await Promise.resolve();\n}\n",
  "package.json": '{ "name": "harbor", "scripts": { "test": "vitest run", "lint": "eslint ." } }\n',
};

/** The Harbor config: two agents, 15–200 lines per spec. */
export function harborConfig(overrides: Record<string, unknown> = {}): Config {
  return configSchema.parse({
    budgets: { maxTokensPerJob: 2_000_000, repairRounds: 2 },
    systemSpecs: {
      project: "Harbor",
      lines: { min: 15, max: 200 },
      agents: [
        { name: "jobs", title: "Jobs", phase: 1, registrySection: 1 },
        { name: "workers", title: "Workers", phase: 1, registrySection: 2 },
      ],
      ...overrides,
    },
  });
}

/** The Harbor repository, optionally with extra or replaced files. */
export function harborSnapshot(extra: Record<string, string> = {}): RepoSnapshot {
  return createMemorySnapshot(
    { ...FILES, ...extra },
    { sha: "abcdef0123456789abcdef0123456789abcdef01", label: "harbor" },
  );
}

/** 1-based line of the first line of `text` containing `needle` (throws when absent: a broken fixture). */
export function lineOf(text: string, needle: string): number {
  const index = text.split("\n").findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`fixture has no line with ${needle}`);
  return index + 1;
}
