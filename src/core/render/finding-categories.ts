import type { RuleId, Severity } from "../checks/types.js";

/** Ids of the categories findings are grouped by on GitHub and in review documents. */
export type FindingCategoryId =
  | "ownership-overlap"
  | "contradictions"
  | "broken-xrefs"
  | "glossary"
  | "missing-xrefs"
  | "depth-imbalance"
  | "status-disagreements"
  | "citations"
  | "template"
  | "implementation"
  | "input"
  | "other";

/** A category of findings: the seven checks of the phase-4 consistency review, then the checker's own. */
export interface FindingCategory {
  id: FindingCategoryId;
  /** Heading shown to people, e.g. `Broken cross-references`. */
  name: string;
  /** What the category checks, in one sentence. */
  description: string;
  /** Deterministic rules reported under it; empty for categories only the LLM review judges. */
  rules: readonly RuleId[];
}

/**
 * The category of every rule. A `Record` over `RuleId`, so adding a rule id without choosing its
 * category fails the type check.
 */
export const RULE_CATEGORY: Readonly<Record<RuleId, FindingCategoryId>> = {
  "ownership-overlap": "ownership-overlap",
  "xref-broken": "broken-xrefs",
  "glossary-term": "glossary",
  length: "depth-imbalance",
  "status-mismatch": "status-disagreements",
  "status-vocabulary": "status-disagreements",
  "citation-missing": "citations",
  "anchor-unresolved": "citations",
  "registry-evidence": "citations",
  "template-section": "template",
  "impl-section": "implementation",
  "impl-meta": "implementation",
  "impl-plan": "implementation",
  "impl-acceptance": "implementation",
  "impl-promise": "implementation",
  "impl-questions": "implementation",
  contradiction: "contradictions",
  "missing-xref": "missing-xrefs",
  "depth-imbalance": "depth-imbalance",
  input: "input",
};

const CATEGORY_TEXT: readonly (readonly [FindingCategoryId, string, string])[] = [
  ["ownership-overlap", "Overlapping ownership", "Two specs claim the same file or table."],
  ["contradictions", "Contradictory statements", "One spec says X where another says not-X."],
  ["broken-xrefs", "Broken cross-references", "A link to a spec or section that does not exist."],
  ["glossary", "Glossary violations", "A term used against the glossary of the boundary brief."],
  [
    "missing-xrefs",
    "Missing cross-references",
    "A spec describes what another spec owns without linking to it.",
  ],
  ["depth-imbalance", "Depth imbalance", "A spec suspiciously short or long for its scope."],
  ["status-disagreements", "Status disagreements", "The feature registry and a spec disagree on a status."],
  ["citations", "Citations and anchors", "A cited path, symbol or line range does not exist at the commit."],
  ["template", "Template and structure", "A required template section is missing or out of order."],
  [
    "implementation",
    "Implementation spec rules",
    "The implementation-spec template, plan, criteria or promise.",
  ],
  ["input", "Unreadable input", "A file the checker could not read or parse."],
  ["other", "Other", "Findings of rules this version does not know."],
];

/** Every category, in display order (the consistency review's seven first). */
export const FINDING_CATEGORIES: readonly FindingCategory[] = CATEGORY_TEXT.map(
  ([id, name, description]) => ({
    id,
    name,
    description,
    rules: (Object.keys(RULE_CATEGORY) as RuleId[]).filter((rule) => RULE_CATEGORY[rule] === id),
  }),
);

/** The category of a rule id; rule ids this version does not know (e.g. from newer JSON) go to `other`. */
export function categoryOfRule(rule: string): FindingCategory {
  const id: FindingCategoryId = Object.hasOwn(RULE_CATEGORY, rule) ? RULE_CATEGORY[rule as RuleId] : "other";
  return FINDING_CATEGORIES.find((c) => c.id === id) ?? (FINDING_CATEGORIES.at(-1) as FindingCategory);
}

/** Severities from most to least severe, for sorting and counting. */
export const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

/** How a severity is shown in markdown: an icon and a word. */
export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = {
  error: "🔴 Error",
  warning: "🟡 Warning",
  info: "🔵 Info",
};
