import { ConfigError, type ConfigProblem } from "../errors.js";
import { redactSecrets } from "../redact-secrets.js";
import type { CheckAnnotation, CheckRunOutput } from "./check-run-types.js";
import { plural } from "./format-units.js";
import { codeSpan, plainText, sanitizeInline, tableCell } from "./sanitize-text.js";
import {
  GITHUB_BODY_LIMIT,
  GITHUB_CHECK_SUMMARY_LIMIT,
  truncateForGithub,
  truncateList,
} from "./truncate-for-github.js";

/** Hidden marker of the config-problems comment, so a later event edits it instead of posting another. */
export const CONFIG_PROBLEMS_MARKER = "<!-- specwright:config-problems -->";

/** Name of the check run that reports an invalid config. */
export const CONFIG_CHECK_NAME = "Specwright configuration";

/** The comment and the failing check run for an invalid `.github/specwright.yml`. */
export interface RenderedConfigProblems {
  comment: string;
  checkRun: CheckRunOutput & { conclusion: "failure"; annotations: CheckAnnotation[] };
}

function location(p: ConfigProblem): string {
  return [p.file, p.line, p.line !== undefined ? p.column : undefined]
    .filter((x) => x !== undefined)
    .join(":");
}

/**
 * Reports every problem of an invalid config (file, line, column, key, message), what to do,
 * and that no job ran: as an issue/PR comment with a hidden marker, and as a failing check run
 * with an annotation per problem that has a line.
 */
export function renderConfigProblemsComment(
  problems: readonly ConfigProblem[],
  meta: { branch?: string } = {},
): RenderedConfigProblems {
  const file = problems[0]?.file ?? ".github/specwright.yml";
  const where = `${codeSpan(file)}${meta.branch ? ` on ${codeSpan(meta.branch, 100)}` : ""}`;
  const hint = new ConfigError(problems).hint ?? "";
  const rows = problems.map(
    (p, i) =>
      `| ${i + 1} | ${tableCell(codeSpan(location(p)))} | ${p.key ? tableCell(codeSpan(p.key, 200)) : "—"} | ${tableCell(sanitizeInline(p.message, 1000))} |`,
  );
  const intro = [
    `${where} has ${plural(problems.length, "problem")}, so **no job ran**: Specwright does not run on a config it cannot read.`,
  ];
  const table = ["| # | Where | Key | Problem |", "|---:|---|---|---|"];
  const todo = [
    `**What to do:** ${sanitizeInline(hint, 1000)} Specwright reads the config from the default branch, so push the fix there;`,
    "then label the issue again or repeat your `/spec` command.",
  ];
  const body = (limit: number) => {
    const budget = limit - [...intro, ...table, ...todo].join("\n").length - 600;
    return [
      ...intro,
      "",
      ...table,
      ...truncateList(rows, { maxChars: budget, more: (n) => `| | | | … and ${n} more problems |` }),
      "",
      ...todo,
    ];
  };
  const comment = [
    CONFIG_PROBLEMS_MARKER,
    "### ⚠️ Specwright could not use its configuration",
    "",
    ...body(GITHUB_BODY_LIMIT),
  ];
  const annotations: CheckAnnotation[] = problems
    .filter((p) => p.line !== undefined && p.line >= 1)
    .map((p) => ({
      path: plainText(p.file, 1000),
      start_line: p.line as number,
      end_line: p.line as number,
      annotation_level: "failure",
      title: plainText(p.key ? `Invalid config: ${p.key}` : "Invalid config", 255),
      message: plainText(p.message, 4000),
    }));
  return {
    comment: redactSecrets(truncateForGithub(comment.join("\n"))),
    checkRun: {
      name: CONFIG_CHECK_NAME,
      conclusion: "failure",
      title: redactSecrets(`${plural(problems.length, "problem")} in ${plainText(file, 200)}: no job ran`),
      summary: redactSecrets(
        truncateForGithub(body(GITHUB_CHECK_SUMMARY_LIMIT).join("\n"), GITHUB_CHECK_SUMMARY_LIMIT),
      ),
      annotations,
    },
  };
}
