import picomatch from "picomatch";
import { z } from "zod";
import type { RepoSnapshot, SnapshotFile } from "../../ports/repo-snapshot.js";
import { defineTool, toolError, type AgentTool } from "./agent-tool.js";
import { confineToolPath } from "./confine-tool-path.js";
import { findRegexHazard } from "./find-regex-hazard.js";
import { formatBytes } from "./format-bytes.js";

/** Bounds of one `search` call. */
export interface SearchLimits {
  /** Default and most hits returned. */
  defaultResults: number;
  maxResults: number;
  /** Lines are matched on at most this many characters (regexes backtrack on long lines). */
  maxLineChars: number;
  /** Characters of a hit line shown. */
  shownLineChars: number;
  /** Most bytes read per search. */
  maxScanBytes: number;
  /** Wall time after which the search stops and reports what it found. */
  maxMillis: number;
}

export const DEFAULT_SEARCH_LIMITS: SearchLimits = {
  defaultResults: 100,
  maxResults: 500,
  maxLineChars: 1000,
  shownLineChars: 300,
  maxScanBytes: 64 * 1024 * 1024,
  maxMillis: 5000,
};

function makeSchema(limits: SearchLimits) {
  return z
    .object({
      pattern: z.string().min(1).max(1000).describe("Text to find (literal by default)."),
      regex: z.boolean().default(false).describe("Treat pattern as a JavaScript regular expression."),
      ignore_case: z.boolean().default(false).describe("Match regardless of case."),
      path_prefix: z
        .string()
        .optional()
        .describe("Only search under this directory or file, e.g. src/gateway."),
      glob: z
        .string()
        .min(1)
        .max(300)
        .optional()
        .describe(
          "Only search files matching this glob, e.g. **/*.ts or *.md (no slash: matches file names).",
        ),
      max_results: z
        .number()
        .int()
        .min(1)
        .max(limits.maxResults)
        .default(limits.defaultResults)
        .describe(`Most hits to return (1-${limits.maxResults}, default ${limits.defaultResults}).`),
    })
    .strict();
}

function compileMatcher(
  pattern: string,
  regex: boolean,
  ignoreCase: boolean,
): ((line: string) => boolean) | string {
  if (!regex) {
    const needle = ignoreCase ? pattern.toLowerCase() : pattern;
    return ignoreCase ? (line) => line.toLowerCase().includes(needle) : (line) => line.includes(needle);
  }
  const hazard = findRegexHazard(pattern);
  if (hazard) return `refused pattern: ${hazard}.`;
  try {
    const re = new RegExp(pattern, ignoreCase ? "iu" : "u");
    return (line) => re.test(line);
  } catch (error) {
    return `Invalid regular expression: ${(error as Error).message}. Fix it, or set regex to false for a literal search.`;
  }
}

/**
 * The `search` tool: finds a literal string or a regular expression in the snapshot's text
 * files and returns `path:line: text` hits, in path order. Bounded: at most `max_results`
 * hits, lines matched on their first `maxLineChars` characters, at most `maxScanBytes` read
 * and `maxMillis` spent (the answer says when a bound cut the search short). Patterns that
 * could backtrack for minutes are refused (`findRegexHazard`), as are invalid regexes and
 * paths outside the repository. Binary and too-large files are skipped and counted.
 */
export function createSearchTool(
  snapshot: RepoSnapshot,
  listFiles: () => Promise<readonly SnapshotFile[]>,
  limits: SearchLimits = DEFAULT_SEARCH_LIMITS,
  now: () => number = Date.now,
): AgentTool {
  return defineTool({
    name: "search",
    description:
      "Search the repository's text files for a literal string (default) or a regular expression. Returns matching lines as " +
      '"path:line: text". Narrow with path_prefix or glob. Lines are matched on their first ' +
      `${limits.maxLineChars} characters; nested repeats like (a+)+ are refused.`,
    schema: makeSchema(limits),
    async run(
      { pattern, regex, ignore_case: ignoreCase, path_prefix: rawPrefix, glob, max_results: maxResults },
      context,
    ) {
      let prefix = "";
      if (rawPrefix !== undefined) {
        const confined = confineToolPath(rawPrefix, { allowRoot: true });
        if (!confined.ok) return toolError(confined.error);
        prefix = confined.path;
      }
      const matcher = compileMatcher(pattern, regex, ignoreCase);
      if (typeof matcher === "string") return toolError(matcher);
      let globMatch: (path: string) => boolean = () => true;
      if (glob !== undefined) {
        try {
          globMatch = picomatch(glob, { dot: true, basename: !glob.includes("/") });
        } catch (error) {
          return toolError(`Invalid glob "${glob}": ${(error as Error).message}`);
        }
      }
      const candidates = (await listFiles()).filter(
        (f) => (prefix === "" || f.path === prefix || f.path.startsWith(`${prefix}/`)) && globMatch(f.path),
      );
      const started = now();
      const hits: string[] = [];
      let scannedFiles = 0;
      let skipped = 0;
      let bytes = 0;
      let stop: string | undefined;
      for (const file of candidates) {
        if (context.signal?.aborted) return toolError("search cancelled");
        if (bytes >= limits.maxScanBytes) stop = `stopped after reading ${formatBytes(limits.maxScanBytes)}`;
        else if (now() - started > limits.maxMillis) stop = `stopped after ${limits.maxMillis / 1000}s`;
        if (stop) break;
        const read = await snapshot.readFile(file.path);
        if (read.kind !== "text") {
          if (read.kind !== "missing") skipped += 1;
          continue;
        }
        scannedFiles += 1;
        bytes += read.size;
        const lines = read.text.split(/\r?\n/);
        for (let n = 0; n < lines.length; n += 1) {
          const line = lines[n] ?? "";
          if (!matcher(line.length > limits.maxLineChars ? line.slice(0, limits.maxLineChars) : line))
            continue;
          const shown = line.trim();
          hits.push(
            `${file.path}:${n + 1}: ${shown.length > limits.shownLineChars ? `${shown.slice(0, limits.shownLineChars)}…` : shown}`,
          );
          if (hits.length > maxResults) break;
        }
        if (hits.length > maxResults) break;
      }
      const more = hits.length > maxResults;
      if (more) hits.length = maxResults;
      const notes: string[] = [];
      if (more)
        notes.push(
          `more matches exist; showing the first ${maxResults}. Narrow the search with path_prefix or glob`,
        );
      if (stop)
        notes.push(`search ${stop}; results may be incomplete. Narrow the search with path_prefix or glob`);
      if (skipped > 0) notes.push(`${skipped} binary or too-large file${skipped === 1 ? "" : "s"} skipped`);
      const summary =
        hits.length === 0
          ? `No matches for ${JSON.stringify(pattern)} in ${scannedFiles} text file${scannedFiles === 1 ? "" : "s"}.`
          : `${hits.length} match${hits.length === 1 ? "" : "es"} (searched ${scannedFiles} text file${scannedFiles === 1 ? "" : "s"}).`;
      const body = hits.length > 0 ? `${hits.join("\n")}\n` : "";
      return { content: `${body}${summary}${notes.map((n) => `\n[${n}]`).join("")}`, isError: false };
    },
  });
}
