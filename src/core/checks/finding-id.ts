import { createHash } from "node:crypto";
import type { FindingDraft } from "./types.js";

/**
 * A stable short id for a finding: `SW-` + the first 8 hex digits of the SHA-256 of the rule
 * and the sorted, de-duplicated subjects (the finding's file counts as a subject, so two specs
 * with the same problem get different ids). Lines and messages are not hashed, so a finding
 * keeps its id when the spec is edited around it.
 */
export function findingId(draft: Pick<FindingDraft, "rule" | "subjects" | "file">): string {
  const subjects = [...new Set([...draft.subjects, draft.file])].sort();
  const hash = createHash("sha256")
    .update(draft.rule)
    .update("\u0000")
    .update(subjects.join("\u0000"))
    .digest("hex");
  return `SW-${hash.slice(0, 8)}`;
}
