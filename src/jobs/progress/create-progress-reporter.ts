import type { ProgressState } from "../../core/render/progress-state.js";
import { progressMarker, renderProgressComment } from "../../core/render/render-progress-comment.js";
import type { GitHost } from "../../ports/git-host.js";
import type { ProgressEvent } from "../../services/spec-engine.js";
import type { JobLog } from "../job-services.js";
import { applyProgressEvent, isStateChange } from "./apply-progress-event.js";

/** Options of `createProgressReporter`. */
export interface ProgressReporterOptions {
  host: GitHost;
  initial: ProgressState;
  /** Clock in epoch milliseconds. */
  now: () => number;
  /** Least time between two edits; state changes inside it are batched into one edit. */
  intervalMs: number;
  log: JobLog;
}

/** The one living progress comment of a job target. Posting failures are logged, never thrown. */
export interface ProgressReporter {
  /** Finds Specwright's comment with the target's marker on the issue/PR and edits it, or posts one. */
  start(issueNumber: number): Promise<void>;
  /** Feeds an engine event; state changes schedule a (throttled) edit, turns only update numbers. */
  onProgress(event: ProgressEvent): void;
  /** Changes the state and schedules an edit. */
  update(change: (state: ProgressState) => ProgressState): void;
  /** The current state. */
  state(): ProgressState;
  /** Writes the final state at once (posting the comment first if `start` was never called). */
  finish(state: ProgressState, issueNumber?: number): Promise<void>;
  /** The comment's URL once posted. */
  url(): string | undefined;
}

/**
 * Keeps one progress comment per job target up to date: found again by its hidden marker (so a
 * rerun edits the same comment), edited on state changes at most once per `intervalMs`, and
 * finished with the final state. Edits are sent one at a time, in order.
 */
export function createProgressReporter(options: ProgressReporterOptions): ProgressReporter {
  const { host, now, intervalMs, log } = options;
  let current = options.initial;
  let issue: number | undefined;
  let comment: { id: number; url: string } | undefined;
  let lastPost = Number.NEGATIVE_INFINITY;
  let timer: NodeJS.Timeout | undefined;
  let finished = false;
  let chain: Promise<void> = Promise.resolve();

  const post = async (): Promise<void> => {
    if (issue === undefined) return;
    const body = renderProgressComment(current);
    lastPost = now();
    try {
      comment = comment ? await host.updateComment(comment.id, body) : await host.createComment(issue, body);
    } catch (error) {
      log.warn(
        { error: error instanceof Error ? error.message : String(error) },
        "could not update the progress comment",
      );
    }
  };
  const flush = (): void => {
    timer = undefined;
    chain = chain.then(post);
  };
  const schedule = (): void => {
    if (finished || timer !== undefined || comment === undefined) return;
    const wait = lastPost + intervalMs - now();
    if (wait <= 0) flush();
    else timer = setTimeout(flush, wait).unref();
  };

  const start = async (issueNumber: number): Promise<void> => {
    issue = issueNumber;
    try {
      const existing = await host.findComment(issueNumber, progressMarker(current.target));
      if (existing) comment = { id: existing.id, url: existing.url };
    } catch (error) {
      log.warn(
        { error: error instanceof Error ? error.message : String(error) },
        "could not look for the progress comment",
      );
    }
    chain = chain.then(post);
    await chain;
  };

  return {
    start,
    onProgress(event) {
      current = applyProgressEvent(current, event);
      if (isStateChange(event)) schedule();
    },
    update(change) {
      current = change(current);
      schedule();
    },
    state: () => current,
    async finish(state, issueNumber) {
      finished = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      current = state;
      await chain;
      if (comment === undefined && issueNumber !== undefined && issue === undefined) {
        await start(issueNumber);
        return;
      }
      chain = chain.then(post);
      await chain;
    },
    url: () => comment?.url,
  };
}
