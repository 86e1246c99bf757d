import { compareFindings } from "../core/checks/compare-findings.js";
import { findingId } from "../core/checks/finding-id.js";
import type { Finding } from "../core/checks/types.js";
import { RULE_CATEGORY } from "../core/render/finding-categories.js";
import { topicKey, type VerifiedFinding } from "./review-verify-findings.js";

/** The merged findings and what was left out, in plain words. */
export interface MergedFindings {
  findings: Finding[];
  notes: string[];
}

/** The deterministic finding an LLM finding repeats, if any. */
function repeats(item: VerifiedFinding, deterministic: readonly Finding[]): Finding | undefined {
  const { draft, topics } = item;
  return deterministic.find((d) => {
    const involved = new Set([d.file, ...d.specs]);
    // Same category about the same spec: e.g. a depth imbalance where `length` already reported the spec.
    if (RULE_CATEGORY[d.rule] === RULE_CATEGORY[draft.rule] && involved.has(draft.file)) return true;
    // Same subjects in the same specs: e.g. a "contradiction" that is the status mismatch already reported.
    const theirs = new Set(d.subjects.map(topicKey));
    return (
      topics.length > 0 && topics.every((t) => theirs.has(t)) && draft.specs.some((s) => involved.has(s))
    );
  });
}

/**
 * Merges the verified LLM findings into the deterministic ones: each gets its stable id
 * (`findingId`); one with an id already taken, or repeating a deterministic finding (same
 * category on the same spec, or the same subjects in the same specs), is left out and noted.
 * Deterministic findings always stay. The result is sorted by file, line, rule, message, id.
 */
export function mergeReviewFindings(
  deterministic: readonly Finding[],
  llm: readonly VerifiedFinding[],
): MergedFindings {
  const notes: string[] = [];
  const seen = new Set(deterministic.map((f) => f.id));
  const merged: Finding[] = [...deterministic];
  for (const item of llm) {
    const id = findingId(item.draft);
    const where = `${item.draft.rule} on ${item.draft.file}:${item.draft.line ?? 1}`;
    if (seen.has(id)) {
      notes.push(`Left out a second LLM finding with id ${id} (${where}): it repeats an earlier one.`);
      continue;
    }
    const repeated = repeats(item, deterministic);
    if (repeated) {
      notes.push(`Left out the LLM finding ${where}: it repeats ${repeated.id} (${repeated.rule}).`);
      continue;
    }
    seen.add(id);
    merged.push({ id, ...item.draft });
  }
  return { findings: merged.sort(compareFindings), notes };
}
