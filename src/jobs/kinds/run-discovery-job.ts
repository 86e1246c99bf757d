import { SpecwrightError } from "../../core/errors.js";
import { cleanUserText } from "../discovery/clean-user-text.js";
import { runImplementationSpec } from "../flows/run-implementation-spec.js";
import type { DiscoveryJob } from "../job-payload.js";
import type { JobContext } from "../job-services.js";
import { documentSlug, implementationTarget } from "../job-targets.js";

/** "login-rate-limits" → "Login rate limits". */
function titleFromSlug(slug: string): string {
  const words = slug.replace(/-+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A discovery document added or changed on the default branch: its implementation spec is
 * drafted (or redrafted on the same branch and PR). The document is read at the default
 * branch's head when the job runs, so a later push's version wins.
 */
export async function runDiscoveryJob(ctx: JobContext, job: DiscoveryJob): Promise<void> {
  const target = implementationTarget(documentSlug(job.path), job.config.implementationSpecs.output);
  await runImplementationSpec(ctx, {
    config: job.config,
    target,
    title: titleFromSlug(target.slug),
    discovery: async (snapshot) => {
      const file = await snapshot.readFile(job.path);
      if (file.kind !== "text") {
        throw new SpecwrightError(
          `The discovery document ${job.path} is ${file.kind === "missing" ? "no longer on the default branch" : "not readable text"}`,
          "Push the document again as UTF-8 markdown to draft its spec.",
        );
      }
      return { source: job.path, text: cleanUserText(file.text), notes: [] };
    },
    issueNumber: undefined,
    reportCommit: job.commit,
    trigger: `@${job.sender} pushed ${job.path} (${job.commit.slice(0, 7)})`,
    force: false,
    retryCommand: undefined,
  });
}
