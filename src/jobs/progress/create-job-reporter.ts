import type { ProgressState } from "../../core/render/progress-state.js";
import type { JobContext } from "../job-services.js";
import { createProgressReporter, type ProgressReporter } from "./create-progress-reporter.js";

/** The progress reporter of a job: its host, clock, edit interval and (redacting) log. */
export function createJobReporter(ctx: JobContext, initial: ProgressState): ProgressReporter {
  return createProgressReporter({
    host: ctx.host,
    initial,
    now: ctx.services.now,
    intervalMs: ctx.services.progressIntervalMs,
    log: ctx.log,
  });
}
