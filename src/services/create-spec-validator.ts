import type { Config } from "../core/config/config-schema.js";
import { resolveSystemSpecs } from "../core/config/resolve-config.js";
import { buildSpecDocument } from "../core/checks/build-spec-document.js";
import { classifyDocuments } from "../core/checks/classify-documents.js";
import { findingId } from "../core/checks/finding-id.js";
import { runChecks } from "../core/checks/run-checks.js";
import type {
  CheckContext,
  Finding,
  FindingDraft,
  RuleId,
  SourceText,
  SpecDocument,
} from "../core/checks/types.js";
import { createFileIndex, type FileIndex } from "../core/files/file-index.js";
import { normalizeRepoPath } from "../core/files/normalize-repo-path.js";
import { extractCitations } from "../core/markdown/extract-citations.js";
import type { RepoSnapshot, SnapshotFile } from "../ports/repo-snapshot.js";
import { linkedSpecPaths } from "./linked-spec-paths.js";
import { readSourceText } from "./read-source-text.js";
import { parseSpecText, readSpecText } from "./read-spec-document.js";

/** The checker rules that judge one system spec on its own (cross-spec rules belong to the review). */
export const SYSTEM_SPEC_RULES: readonly RuleId[] = [
  "template-section",
  "length",
  "citation-missing",
  "anchor-unresolved",
  "xref-broken",
  "glossary-term",
  "status-vocabulary",
];

/** The checker rules that judge one implementation spec. */
export const IMPLEMENTATION_SPEC_RULES: readonly RuleId[] = [
  "impl-section",
  "impl-meta",
  "impl-plan",
  "impl-acceptance",
  "impl-promise",
  "impl-questions",
  "citation-missing",
  "anchor-unresolved",
];

/** Options of `createSpecValidator`. */
export interface SpecValidatorOptions {
  /** The repository the spec describes (during a run: the overlay with this run's specs). */
  snapshot: RepoSnapshot;
  config: Config;
  /**
   * Files that do not exist yet but will (specs other agents of the same run write), so a
   * link to them is not reported as broken. Their content is unknown, so section references
   * into them are not checked.
   */
  pendingFiles?: readonly string[];
}

/** One submitted spec to check. */
export interface SpecCandidate {
  path: string;
  markdown: string;
  kind: "system" | "implementation";
}

/** Checks submitted specs; caches parsed context documents between calls. */
export interface SpecValidator {
  validate(candidate: SpecCandidate): Promise<Finding[]>;
  /**
   * Parses the brief, template, registry and the given specs ahead of time (e.g. while the
   * model works), so a later `validate` finds them parsed. Unreadable documents are skipped.
   */
  warm(specPaths?: readonly string[]): Promise<void>;
}

function candidateProblem(path: string, message: string): FindingDraft {
  return {
    rule: "input",
    severity: "error",
    file: path,
    line: undefined,
    message,
    subjects: [path],
    specs: [path],
    fix: "Submit the whole spec as valid Markdown.",
  };
}

function withCandidate(
  listed: readonly SnapshotFile[],
  path: string,
  size: number,
  pending: readonly string[],
) {
  const entries = new Map(listed.map((f) => [f.path, f] as const));
  entries.set(path, { path, size });
  for (const p of pending) if (!entries.has(p)) entries.set(p, { path: p, size: 0 });
  return createFileIndex([...entries.values()]);
}

/**
 * Creates the checker for specs handed in by agents: runs the #3 rules that apply to ONE
 * spec (`SYSTEM_SPEC_RULES` or `IMPLEMENTATION_SPEC_RULES`) against the snapshot with the
 * candidate added, and returns only the findings reported on the candidate's file, with
 * stable ids. Citations and anchors are resolved at the snapshot's commit. Other documents
 * (brief, template, registry, the specs the candidate links to or cites, for section
 * references; for an implementation spec every other one, for unique completion promises)
 * are read from the snapshot on each call but parsed only when their text changed, so a call
 * costs little more than parsing the candidate itself.
 */
export function createSpecValidator(options: SpecValidatorOptions): SpecValidator {
  const { snapshot, config } = options;
  const pending = (options.pendingFiles ?? []).map(normalizeRepoPath);
  // Parsed context documents by path, with the raw text they were parsed from.
  const parsed = new Map<string, { raw: string; doc: SpecDocument }>();

  const load = async (files: FileIndex, path: string, kind: SpecDocument["kind"]) => {
    const read = await readSpecText(snapshot, files, path);
    if (read.kind !== "text") return undefined;
    const cached = parsed.get(path);
    if (cached && cached.raw === read.text && cached.doc.kind === kind) return cached.doc;
    const result = parseSpecText(path, kind, read.text);
    if (result.kind !== "doc") return undefined;
    parsed.set(path, { raw: read.text, doc: result.doc });
    return result.doc;
  };

  return {
    async warm(specPaths = []) {
      const files = createFileIndex(await snapshot.listFiles());
      const systemSpecs = resolveSystemSpecs(config, files.files);
      const kinds = classifyDocuments(files.files, systemSpecs, config.implementationSpecs.output);
      await load(files, systemSpecs.boundaryBrief, "brief");
      await load(files, systemSpecs.template, "template");
      await load(files, systemSpecs.featureRegistry, "registry");
      for (const p of specPaths) {
        const kind = kinds.get(normalizeRepoPath(p));
        if (kind === "system" || kind === "implementation") await load(files, normalizeRepoPath(p), kind);
      }
    },
    async validate(candidate: SpecCandidate): Promise<Finding[]> {
      const path = normalizeRepoPath(candidate.path);
      const files = withCandidate(
        await snapshot.listFiles(),
        path,
        Buffer.byteLength(candidate.markdown, "utf8"),
        pending,
      );
      const systemSpecs = resolveSystemSpecs(config, files.files);
      const doc = buildSpecDocument(path, candidate.kind, candidate.markdown);
      if ("error" in doc) {
        const draft = candidateProblem(path, `The spec could not be parsed as Markdown (${doc.error}).`);
        return [{ id: findingId(draft), ...draft }];
      }
      // Once accepted, the candidate is read back as a context document by later agents'
      // checks: keep its parse so that costs nothing.
      parsed.set(path, { raw: candidate.markdown, doc });
      const kinds = classifyDocuments(files.files, systemSpecs, config.implementationSpecs.output);
      const [brief, template, registry] = await Promise.all([
        load(files, systemSpecs.boundaryBrief, "brief"),
        load(files, systemSpecs.template, "template"),
        load(files, systemSpecs.featureRegistry, "registry"),
      ]);
      const others = [...kinds.entries()].filter(([p, k]) => p !== path && k === candidate.kind);
      // System specs: only those the candidate links to or cites (for section references).
      // Implementation specs: all of them (completion promises must be unique across the repository).
      const linked = candidate.kind === "system" ? linkedSpecPaths(doc, systemSpecs, files) : undefined;
      const wanted = linked ? others.filter(([p]) => linked.has(p)) : others;
      const loaded = await Promise.all(wanted.map(([p, k]) => load(files, p, k)));
      const otherDocs = loaded.filter((d): d is SpecDocument => d !== undefined);

      const sources = new Map<string, SourceText>();
      const anchored = new Set(
        extractCitations(doc)
          .filter((c) => c.anchor && !c.exempt && files.hasFile(c.path))
          .map((c) => c.path),
      );
      await Promise.all(
        [...anchored].map(async (p) => {
          const source = await readSourceText(snapshot, files, p);
          if (source) sources.set(p, source);
        }),
      );

      const system = candidate.kind === "system";
      const ctx: CheckContext = {
        systemSpecs,
        implementationOutput: config.implementationSpecs.output,
        files,
        specs: system ? [doc, ...otherDocs] : [],
        implSpecs: system ? [] : [doc],
        allImplSpecs: system ? [] : otherDocs,
        brief,
        registry,
        template,
        sources,
      };
      const rules = system ? SYSTEM_SPEC_RULES : IMPLEMENTATION_SPEC_RULES;
      return runChecks(ctx, { rules }).filter((f) => f.file === path);
    },
  };
}
