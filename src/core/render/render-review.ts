import type { Finding } from "../checks/types.js";
import { redactSecrets } from "../redact-secrets.js";
import { countBySeverity, formatSeverityCounts } from "./count-by-severity.js";
import { categoryOfRule, FINDING_CATEGORIES, SEVERITY_LABEL } from "./finding-categories.js";
import { findingMarker } from "./finding-markers.js";
import { shortSha } from "./format-units.js";
import { renderFindingComment } from "./render-finding-comment.js";
import { codeSpan, sanitizeInline } from "./sanitize-text.js";
import { sortFindings } from "./sort-findings.js";
import { GITHUB_BODY_LIMIT, truncateForGithub } from "./truncate-for-github.js";

/** A spec file changed by the pull request, with its content at the PR head. */
export interface ReviewFile {
  path: string;
  /** The file's lines (index 0 = line 1). */
  lines: readonly string[];
  /** Lines GitHub accepts comments on (those in the diff); every line when left out (a new file). */
  commentableLines?: Iterable<number>;
}

/** A line-anchored review comment, in the shape of the pull-request review API's `comments[]`. */
export interface ReviewComment {
  path: string;
  line: number;
  body: string;
}

/** A pull-request review: the summary body and the line comments to post with it. */
export interface RenderedReview {
  body: string;
  comments: ReviewComment[];
}

/** Options of `renderReview`. */
export interface RenderReviewOptions {
  /** The PR head the findings are for. */
  commit?: string;
  /** Finding ids that already have a line comment from an earlier run (updated in place, not posted again). */
  alreadyCommented?: Iterable<string>;
  /** Most new line comments in one review; the rest are listed in the body. Default 50. */
  maxComments?: number;
}

/** Hidden marker of Specwright's review summary. */
export const REVIEW_MARKER = "<!-- specwright:review -->";

/**
 * A pull-request review for the findings: a summary grouped by category (every finding, each row
 * with its hidden id marker) and a line comment for each finding whose file is in the PR and whose
 * line exists there. Findings without a usable line are explained in the body only.
 */
export function renderReview(
  findings: readonly Finding[],
  files: readonly ReviewFile[],
  options: RenderReviewOptions = {},
): RenderedReview {
  const byPath = new Map(files.map((f) => [f.path, f] as const));
  const commentable = new Map(
    files.map((f) => [f.path, f.commentableLines === undefined ? undefined : new Set(f.commentableLines)]),
  );
  const already = new Set(options.alreadyCommented ?? []);
  const maxComments = options.maxComments ?? 50;
  const sorted = sortFindings(findings);

  const anchored = new Map<string, Anchor>();
  const comments: ReviewComment[] = [];
  for (const f of sorted) {
    const file = byPath.get(f.file);
    if (!file || f.line === undefined || f.line < 1 || f.line > file.lines.length) continue;
    const allowed = commentable.get(f.file);
    if (allowed && !allowed.has(f.line)) continue;
    if (already.has(f.id)) {
      anchored.set(f.id, "existing");
    } else if (comments.length < maxComments) {
      anchored.set(f.id, "new");
      comments.push({ path: f.file, line: f.line, body: renderFindingComment(f) });
    } else {
      anchored.set(f.id, "capped");
    }
  }
  return { body: renderBody(sorted, anchored, options.commit), comments };
}

/** Whether a finding got a line comment: new, kept from an earlier run, or none because of the cap. */
type Anchor = "new" | "existing" | "capped";

function row(f: Finding, anchor: Anchor | undefined): string {
  const where = codeSpan(f.line === undefined ? f.file : `${f.file}:${f.line}`);
  const fix = f.fix.trim() === "" ? "" : ` **Fix:** ${sanitizeInline(f.fix, 600)}`;
  const note =
    anchor === "new" || anchor === "existing"
      ? ` _(see the comment on line ${f.line})_`
      : anchor === undefined && f.line !== undefined
        ? " _(line not in this pull request)_"
        : "";
  return `- ${SEVERITY_LABEL[f.severity]} ${where} — ${sanitizeInline(f.message, 800)}${fix}${note} ${findingMarker(f.id)}`;
}

function renderBody(
  sorted: readonly Finding[],
  anchored: ReadonlyMap<string, Anchor>,
  commit: string | undefined,
): string {
  const at = commit ? ` at ${codeSpan(shortSha(commit))}` : "";
  const head = [REVIEW_MARKER, "## Specwright consistency review", ""];
  if (sorted.length === 0) {
    head.push(`✅ No findings${at}: the specs pass Specwright's consistency checks.`);
    return redactSecrets(head.join("\n"));
  }
  const inline = sorted.filter((f) => {
    const anchor = anchored.get(f.id);
    return anchor === "new" || anchor === "existing";
  }).length;
  head.push(
    `${formatSeverityCounts(countBySeverity(sorted))}${at}: ` +
      `${inline} commented on the spec lines, ${sorted.length - inline} listed only here.`,
  );
  const budget = GITHUB_BODY_LIMIT - 2_000;
  const out = [...head];
  let used = out.join("\n").length;
  let omitted = 0;
  for (const category of FINDING_CATEGORIES) {
    const group = sorted.filter((f) => categoryOfRule(f.rule).id === category.id);
    if (group.length === 0) continue;
    const heading = `\n### ${category.name} (${group.length})\n`;
    const rows: string[] = [];
    for (const f of group) {
      const line = row(f, anchored.get(f.id));
      if (used + heading.length + line.length + 1 > budget) {
        omitted += 1;
        continue;
      }
      rows.push(line);
      used += line.length + 1;
    }
    if (rows.length > 0) {
      out.push(heading, ...rows);
      used += heading.length;
    }
  }
  if (omitted > 0)
    out.push("", `_… and ${omitted} more findings, left out to stay within GitHub's size limit._`);
  out.push(
    "",
    "<sub>Reply with `/spec revise <feedback>` to rewrite a spec, or `/spec check` to run the review again.</sub>",
  );
  return redactSecrets(truncateForGithub(out.join("\n")));
}
