/** How the LLM pass went, for the review document. */
export type LlmSectionInput =
  | { kind: "done"; model: string; reported: number; added: number; notes: readonly string[] }
  | { kind: "failed"; reason: string }
  | { kind: "not-run"; why: string };

const JUDGED = "contradictions, missing cross-references and depth imbalance";
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * The `## LLM review` section appended to the review document: whether the judgement-only
 * categories were reviewed, by which model, how many of the model's findings were kept, and
 * every finding that was dropped, corrected or left out as a duplicate.
 */
export function renderLlmReviewSection(input: LlmSectionInput): string {
  const out = ["## LLM review", ""];
  if (input.kind === "done") {
    out.push(
      `The judgement-only checks (${JUDGED}) were reviewed by \`${input.model}\`: ` +
        `${plural(input.reported, "finding")} reported, ${input.added} added to this review after checking the evidence.`,
    );
    if (input.notes.length > 0) out.push("", ...input.notes.map((note) => `- ${note}`));
  } else if (input.kind === "failed") {
    out.push(
      `The LLM pass did not finish (${input.reason.replace(/\.$/, "")}), so ${JUDGED} were not reviewed. ` +
        "The findings above are the deterministic checks only.",
    );
  } else {
    out.push(`The LLM pass was not run (${input.why}), so ${JUDGED} were not reviewed.`);
  }
  return `${out.join("\n")}\n`;
}
