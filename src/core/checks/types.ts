import type { Root } from "mdast";
import type { ResolvedSystemSpecs } from "../config/resolve-config.js";
import type { FileIndex } from "../files/file-index.js";

/**
 * Shared types of the deterministic checker. Rule ids are part of the public interface
 * (JSON output, PR reviews, stable finding ids): never rename one.
 */
export const RULE_IDS = [
  "template-section",
  "length",
  "citation-missing",
  "anchor-unresolved",
  "ownership-overlap",
  "xref-broken",
  "glossary-term",
  "status-vocabulary",
  "status-mismatch",
  "registry-evidence",
  "impl-section",
  "impl-meta",
  "impl-plan",
  "impl-acceptance",
  "impl-promise",
  "impl-questions",
  /** LLM consistency review: two specs (or a spec and the brief) state incompatible things. */
  "contradiction",
  /** LLM consistency review: a spec explains what another spec owns without linking to it. */
  "missing-xref",
  /** LLM consistency review: a spec much thinner or more detailed than its scope warrants. */
  "depth-imbalance",
  /** Input the checker could not use (unparseable, non-UTF-8, too large, missing brief…). */
  "input",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/**
 * The rule ids only the LLM pass of the consistency review reports (its judgement-only
 * categories); no deterministic rule has them.
 */
export const LLM_RULE_IDS = [
  "contradiction",
  "missing-xref",
  "depth-imbalance",
] as const satisfies readonly RuleId[];

export type Severity = "error" | "warning" | "info";

export interface Finding {
  /** Stable hash of rule + subjects (see `findingId`), so a finding keeps its id across runs. */
  id: string;
  rule: RuleId;
  severity: Severity;
  /** The file the finding is reported on (a spec, the registry, …). */
  file: string;
  /** 1-based line in `file`, when known. */
  line: number | undefined;
  message: string;
  /** What the finding is about: paths, spec files, terms, feature names. Used for the id. */
  subjects: string[];
  /** Every spec file involved (for ownership overlaps: all claimants). */
  specs: string[];
  /** A concrete suggested fix. */
  fix: string;
}

/** A finding before its id is computed; rules return these and the runner adds ids. */
export type FindingDraft = Omit<Finding, "id">;

export type DocumentKind = "system" | "implementation" | "brief" | "registry" | "template" | "review";

/** A markdown document the checker reads, parsed once. */
export interface SpecDocument {
  path: string;
  kind: DocumentKind;
  text: string;
  /** `text` split on newlines (index 0 = line 1). */
  lines: readonly string[];
  tree: Root;
}

/** A repository path cited by a spec. */
export interface Citation {
  /** Normalised repository path (no leading `./`, no trailing `/`). */
  path: string;
  /** True when written with a trailing slash or found as a directory in a file tree. */
  isDirectory: boolean;
  /** Where the citation is: 1-based line in the spec. */
  line: number;
  /** Where it was found: inline code, a file tree, a table cell, a link target, or plain prose text. */
  source: "code" | "tree" | "table" | "link" | "text";
  /** `path:identifier`, `path:12` or `path:12-40` anchors. */
  anchor?: { kind: "identifier"; name: string } | { kind: "lines"; start: number; end: number };
  /** The spec itself says the path is not in git, generated, or only an example: do not flag it. */
  exempt: boolean;
  /** The markdown section (heading text) the citation is in, e.g. `3. File Tree`. */
  section: string | undefined;
  /**
   * For file-tree entries: the path of the tree's unindented root line (`apps/gateway/src`, or the
   * repository's name such as `proj`), so rules can drop a root that is only a label.
   */
  treeRoot?: string;
}

/** The text of a repository file that a rule needs (anchors), loaded by the runner before rules run. */
export type SourceText =
  { kind: "text"; text: string; lineCount: number } | { kind: "unreadable"; reason: string };

/** Everything a rule may look at. Rules are pure functions of this. */
export interface CheckContext {
  systemSpecs: ResolvedSystemSpecs;
  /** Output pattern of implementation specs, e.g. `specs/{slug}.md`. */
  implementationOutput: string;
  files: FileIndex;
  /** System specs to check (kind `system`). */
  specs: readonly SpecDocument[];
  /** Implementation specs to check (kind `implementation`). */
  implSpecs: readonly SpecDocument[];
  /** Every implementation spec in the repo (for uniqueness rules), including those not being checked. */
  allImplSpecs: readonly SpecDocument[];
  brief: SpecDocument | undefined;
  registry: SpecDocument | undefined;
  template: SpecDocument | undefined;
  /** Texts of repository files cited with anchors (`path:identifier`, `path:12`). */
  sources: ReadonlyMap<string, SourceText>;
}

/** A rule: a pure function from the context to findings (without ids). */
export interface CheckRule {
  id: RuleId;
  /** One line for `--help` and docs. */
  description: string;
  run(ctx: CheckContext): FindingDraft[];
}
