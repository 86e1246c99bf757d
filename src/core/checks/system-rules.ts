import { anchorUnresolvedRule } from "./rules/anchor-unresolved.js";
import { citationMissingRule } from "./rules/citation-missing.js";
import { glossaryTermRule } from "./rules/glossary-term.js";
import { lengthRule } from "./rules/length.js";
import { ownershipOverlapRule } from "./rules/ownership-overlap.js";
import { registryEvidenceRule } from "./rules/registry-evidence.js";
import { statusMismatchRule } from "./rules/status-mismatch.js";
import { statusVocabularyRule } from "./rules/status-vocabulary.js";
import { templateSectionRule } from "./rules/template-section.js";
import { xrefBrokenRule } from "./rules/xref-broken.js";
import type { CheckRule } from "./types.js";

/** The rules for system specs (and the feature registry), in reporting order. */
export const SYSTEM_RULES: readonly CheckRule[] = [
  templateSectionRule,
  lengthRule,
  citationMissingRule,
  anchorUnresolvedRule,
  ownershipOverlapRule,
  xrefBrokenRule,
  glossaryTermRule,
  statusVocabularyRule,
  statusMismatchRule,
  registryEvidenceRule,
];
