import type { Citation } from "../types.js";
import type { AnchorProblem } from "./check-anchor.js";

/** The finding text for an anchor that does not resolve (shared with `registry-evidence`). */
export function describeAnchorProblem(
  c: Citation,
  problem: Exclude<AnchorProblem, { kind: "unreadable" }>,
): { message: string; fix: string; subject: string } {
  if (problem.kind === "identifier") {
    return {
      subject: `${c.path}:${problem.name}`,
      message: `\`${problem.name}\` does not occur in \`${c.path}\`.`,
      fix: `Cite the identifier as it is spelled in \`${c.path}\`, or cite the file where \`${problem.name}\` is defined.`,
    };
  }
  const range =
    problem.start === problem.end ? `line ${problem.start} is` : `lines ${problem.start}-${problem.end} are`;
  return {
    subject: `${c.path}:${problem.start}-${problem.end}`,
    message:
      problem.end < problem.start
        ? `\`${c.path}:${problem.start}-${problem.end}\` is an empty line range.`
        : `\`${c.path}\` has ${problem.lineCount} lines, so ${range} past its end.`,
    fix: `Cite an identifier instead of line numbers (\`${c.path}:functionName\`), which survives edits; or correct the range.`,
  };
}
