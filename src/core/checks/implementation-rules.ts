import { implAcceptanceRule } from "./rules/impl-acceptance.js";
import { implMetaRule } from "./rules/impl-meta.js";
import { implPlanRule } from "./rules/impl-plan.js";
import { implPromiseRule } from "./rules/impl-promise.js";
import { implQuestionsRule } from "./rules/impl-questions.js";
import { implSectionRule } from "./rules/impl-section.js";
import type { CheckRule } from "./types.js";

/** The rules for implementation specs (the general spec-builder template), in reporting order. */
export const IMPLEMENTATION_RULES: readonly CheckRule[] = [
  implSectionRule,
  implMetaRule,
  implPlanRule,
  implAcceptanceRule,
  implPromiseRule,
  implQuestionsRule,
];
