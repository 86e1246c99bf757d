import { redactSecrets } from "../redact-secrets.js";
import type { CheckRunOutput } from "./check-run-types.js";
import { plural, shortSha } from "./format-units.js";
import { codeSpan, plainText } from "./sanitize-text.js";
import { GITHUB_CHECK_SUMMARY_LIMIT, truncateForGithub, truncateList } from "./truncate-for-github.js";

/** A spec that cites files a push changed. */
export interface StaleSpec {
  /** The spec file, e.g. `docs/specs/sessions-gateway.md`. */
  spec: string;
  /** The system-spec agent that writes it, when there is one (implementation specs have none). */
  name?: string;
  /** Files the push changed that the spec cites. */
  citedChangedFiles: string[];
}

/** Name and commit-status context of the staleness report. */
export const STALENESS_CHECK_NAME = "Specwright staleness";

/** The staleness report: a check run (neutral when stale) and a commit status (at most 140 characters). */
export interface RenderedStaleness extends CheckRunOutput {
  conclusion: "success" | "neutral";
  /** The command that refreshes the stale system specs, when any. */
  command: string | undefined;
  /** Informational: stale specs do not fail the commit; the description says how many. */
  commitStatus: { state: "success"; context: string; description: string };
}

/**
 * Lists the specs that cite files changed by a push, with the files, and the
 * `/spec regenerate <names>` command that refreshes the system specs among them. Implementation
 * specs (no agent name) are listed to update by hand or with `/spec revise`. No model calls.
 */
export function renderStaleness(
  stale: readonly StaleSpec[],
  meta: { commit?: string } = {},
): RenderedStaleness {
  const specs = stale.filter((s) => s.citedChangedFiles.length > 0);
  const names = [...new Set(specs.flatMap((s) => (s.name ? [s.name] : [])))]
    .map((n) => plainText(n, 100).replace(/\s/g, ""))
    .filter((n) => /^[\w.-]+$/.test(n));
  const command = names.length > 0 ? `/spec regenerate ${names.join(" ")}` : undefined;
  const at = meta.commit ? ` at ${codeSpan(shortSha(meta.commit))}` : "";
  if (specs.length === 0) {
    return {
      name: STALENESS_CHECK_NAME,
      conclusion: "success",
      title: "No stale specs",
      summary: redactSecrets(`✅ No spec cites a file changed by this push${at}.`),
      command: undefined,
      commitStatus: {
        state: "success",
        context: STALENESS_CHECK_NAME,
        description: "No spec cites a changed file",
      },
    };
  }
  const rows = specs.map((s) => {
    const files = truncateList(
      s.citedChangedFiles.map((f) => codeSpan(f)),
      { maxItems: 10, more: (n) => `… and ${n} more` },
    ).join(", ");
    const by = s.name
      ? ` (${codeSpan(s.name, 100)})`
      : " (implementation spec: update it by hand or with `/spec revise`)";
    return `- ${codeSpan(s.spec)}${by} cites ${files}`;
  });
  const refresh = command
    ? [
        "",
        "To refresh them, comment on any issue or pull request of this repository:",
        "",
        "```",
        command,
        "```",
      ]
    : [];
  const intro = `${plural(specs.length, "spec")} cite${specs.length === 1 ? "s" : ""} files changed by this push${at} and may be stale:`;
  const budget = GITHUB_CHECK_SUMMARY_LIMIT - intro.length - refresh.join("\n").length - 500;
  const summary = [
    intro,
    "",
    ...truncateList(rows, { maxChars: budget, more: (n) => `- … and ${n} more specs` }),
    ...refresh,
  ];
  const title = `${plural(specs.length, "spec")} may be stale`;
  const description = `${title}: ${specs.map((s) => s.name ?? s.spec.split("/").pop() ?? s.spec).join(", ")}`;
  return {
    name: STALENESS_CHECK_NAME,
    conclusion: "neutral",
    title,
    summary: redactSecrets(truncateForGithub(summary.join("\n"), GITHUB_CHECK_SUMMARY_LIMIT)),
    command,
    commitStatus: {
      state: "success",
      context: STALENESS_CHECK_NAME,
      description: redactSecrets(plainText(description, 140)),
    },
  };
}
