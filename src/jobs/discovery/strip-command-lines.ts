import { parseSpecCommand } from "../../core/commands/parse-spec-command.js";

/**
 * A comment without its `/spec` command lines: a line is dropped when the command parser would
 * take it as a command (prose, not inside code, quotes or HTML comments); every other line,
 * including text around the command, is kept.
 */
export function stripCommandLines(body: string): string {
  const lines = body.replace(/\r\n?/g, "\n").split("\n");
  const kept: string[] = [];
  for (const line of lines) {
    // Only the text kept so far plus this line: if the parser finds a command there, it is this line.
    if (/^\s*\/spec\b/i.test(line) && parseSpecCommand([...kept, line].join("\n")) !== undefined) continue;
    kept.push(line);
  }
  return kept.join("\n");
}
