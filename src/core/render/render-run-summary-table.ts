import { totalInputTokens } from "../pricing/usage.js";
import { redactSecrets } from "../redact-secrets.js";
import type { RunResult } from "../run/run-result.js";
import { formatDuration, formatTokens, formatUsd } from "./format-units.js";
import { plainText } from "./sanitize-text.js";

const HEADERS = [
  "Agent",
  "Status",
  "Turns",
  "Input",
  "Cached",
  "Output",
  "Cost",
  "Time",
  "Files read",
] as const;
/** Most still-failing findings listed per agent. */
export const MAX_LISTED_FAILURES = 10;

/** Columns aligned right (numbers). */
const RIGHT = new Set([2, 3, 4, 5, 6, 7, 8]);

function alignRows(rows: readonly (readonly string[])[]): string[] {
  const widths = HEADERS.map((_, col) => Math.max(...rows.map((r) => [...(r[col] ?? "")].length)));
  return rows.map((r) =>
    r
      .map((cell, col) => {
        const pad = " ".repeat(Math.max(0, (widths[col] ?? 0) - [...cell].length));
        return RIGHT.has(col) ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd(),
  );
}

/**
 * The CLI's closing summary: an aligned plain-text table with one row per agent (status, turns,
 * input tokens incl. cache reads and writes, cache reads, output tokens, estimated cost, time,
 * files read) and a totals row (wall time of the job, distinct files read), then the reason and
 * hint of every agent that did not succeed (for a spec that failed its checks, the error
 * findings that still fail: rule, file:line, message) and the job-level failures.
 */
export function renderRunSummaryTable(result: RunResult): string {
  const rows: string[][] = [[...HEADERS]];
  for (const a of result.agents) {
    rows.push([
      plainText(a.name, 60),
      a.status,
      String(a.turns),
      formatTokens(totalInputTokens(a.usage)),
      formatTokens(a.usage.cacheReadInputTokens),
      formatTokens(a.usage.outputTokens),
      formatUsd(a.costUsd),
      formatDuration(a.durationMs),
      String(a.filesRead.length),
    ]);
  }
  const succeeded = result.agents.filter((a) => a.status === "succeeded").length;
  rows.push([
    "Total",
    `${succeeded}/${result.agents.length} succeeded`,
    String(result.agents.reduce((sum, a) => sum + a.turns, 0)),
    formatTokens(totalInputTokens(result.usage)),
    formatTokens(result.usage.cacheReadInputTokens),
    formatTokens(result.usage.outputTokens),
    formatUsd(result.costUsd),
    formatDuration(result.durationMs),
    String(new Set(result.agents.flatMap((a) => a.filesRead)).size),
  ]);
  const [header = "", ...body] = alignRows(rows);
  const rule = "-".repeat([...header].length);
  const lines = [header, rule, ...body.slice(0, -1), rule, body.at(-1) ?? ""];

  const problems: string[] = [];
  for (const a of result.agents.filter((x) => x.status !== "succeeded")) {
    const why = a.reason ? `: ${plainText(a.reason, 500)}` : "";
    problems.push(`  ${plainText(a.name, 60)} ${a.status}${why}`);
    if (a.hint) problems.push(`    ${plainText(a.hint, 500)}`);
    if (a.status !== "failed-validation") continue;
    const errors = a.findings.filter((f) => f.severity === "error");
    if (errors.length > 0) problems.push("    Still failing:");
    for (const f of errors.slice(0, MAX_LISTED_FAILURES)) {
      const where = f.line === undefined ? f.file : `${f.file}:${f.line}`;
      problems.push(`      - ${f.rule} ${plainText(where, 200)}: ${plainText(f.message, 300)}`);
    }
    if (errors.length > MAX_LISTED_FAILURES) {
      problems.push(`      - …and ${errors.length - MAX_LISTED_FAILURES} more`);
    }
  }
  for (const f of result.failures) {
    problems.push(`  ${f.agent ? `${plainText(f.agent, 60)}: ` : ""}${plainText(f.message, 500)}`);
    if (f.hint) problems.push(`    ${plainText(f.hint, 500)}`);
  }
  if (problems.length > 0) lines.push("", "Problems:", ...problems);
  lines.push("", "Input counts cache reads and writes; costs are estimates from list prices.");
  return redactSecrets(`${lines.join("\n")}\n`);
}
