import { z } from "zod";
import type { RepoSnapshot } from "../../ports/repo-snapshot.js";
import { defineTool, toolError, type AgentTool } from "./agent-tool.js";
import { confineToolPath } from "./confine-tool-path.js";
import { formatBytes } from "./format-bytes.js";

/** Bounds of one `read_file` call. */
export interface ReadFileLimits {
  maxLines: number;
  maxBytes: number;
  /** Longer lines are cut, with a marker. */
  maxLineChars: number;
}

export const DEFAULT_READ_FILE_LIMITS: ReadFileLimits = {
  maxLines: 2000,
  maxBytes: 100_000,
  maxLineChars: 2000,
};

const schema = z
  .object({
    path: z.string().min(1).describe("File path relative to the repository root, e.g. src/app.ts."),
    start_line: z
      .number()
      .int()
      .min(1)
      .max(10_000_000)
      .optional()
      .describe("First line to read (1-based). Default 1."),
    end_line: z
      .number()
      .int()
      .min(1)
      .max(10_000_000)
      .optional()
      .describe("Last line to read (inclusive). Default: end of file."),
  })
  .strict();

/** Splits text into lines; a trailing newline does not start another line. */
function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/**
 * The `read_file` tool: returns a file of the snapshot with numbered lines (`<n>\t<text>`),
 * optionally a line range, at most `maxLines` lines / `maxBytes` bytes per call with a note
 * saying how to read on. Missing, binary and too-large files, directories and paths outside
 * the repository are error results in plain words. Every file read is added to `filesRead`.
 */
export function createReadFileTool(
  snapshot: RepoSnapshot,
  filesRead: Set<string>,
  limits: ReadFileLimits = DEFAULT_READ_FILE_LIMITS,
): AgentTool {
  return defineTool({
    name: "read_file",
    description:
      `Read a text file of the repository at the commit being documented. Returns numbered lines ("<line>\\t<text>"). ` +
      `At most ${limits.maxLines} lines or ${formatBytes(limits.maxBytes)} per call; use start_line/end_line to read long files in parts.`,
    schema,
    async run({ path: rawPath, start_line: start = 1, end_line: end }) {
      const confined = confineToolPath(rawPath);
      if (!confined.ok) return toolError(confined.error);
      const path = confined.path;
      if (end !== undefined && end < start)
        return toolError(`end_line (${end}) is before start_line (${start}).`);
      const file = await snapshot.readFile(path);
      switch (file.kind) {
        case "missing": {
          const files = await snapshot.listFiles();
          const isDir = files.some((f) => f.path.startsWith(`${path}/`));
          return toolError(
            isDir
              ? `"${path}" is a directory, not a file; use list_directory.`
              : `No file "${path}" at this commit. Use list_directory or search to find the right path.`,
          );
        }
        case "binary":
          return toolError(
            `"${path}" is a binary file (${formatBytes(file.size)}); it cannot be read as text.`,
          );
        case "too-large":
          return toolError(
            `"${path}" is ${formatBytes(file.size)}, over the ${formatBytes(file.limit)} limit for reading files; it cannot be read.`,
          );
        case "text":
          break;
      }
      const lines = splitLines(file.text);
      if (lines.length > 0 && start > lines.length)
        return toolError(`start_line ${start} is past the end of "${path}" (${lines.length} lines).`);
      filesRead.add(path);
      if (lines.length === 0) return { content: `File: ${path} (empty file)`, isError: false };
      const last = Math.min(end ?? lines.length, lines.length);
      const width = String(last).length;
      const out: string[] = [];
      let bytes = 0;
      let n = start;
      for (; n <= last; n += 1) {
        let text = lines[n - 1] ?? "";
        if (text.length > limits.maxLineChars)
          text = `${text.slice(0, limits.maxLineChars)} …[line cut at ${limits.maxLineChars} characters]`;
        const line = `${String(n).padStart(width)}\t${text}`;
        const size = Buffer.byteLength(line, "utf8") + 1;
        if (out.length >= limits.maxLines || (bytes + size > limits.maxBytes && out.length > 0)) break;
        out.push(line);
        bytes += size;
      }
      const shownEnd = n - 1;
      const header = `File: ${path} (lines ${start}-${shownEnd} of ${lines.length})`;
      const note =
        shownEnd < last
          ? `\n[Truncated at ${out.length >= limits.maxLines ? `${limits.maxLines} lines` : formatBytes(limits.maxBytes)}: showing lines ${start}-${shownEnd} of ${lines.length}. Call read_file with start_line=${shownEnd + 1} to read on.]`
          : "";
      return { content: `${header}\n${out.join("\n")}${note}`, isError: false };
    },
  });
}
