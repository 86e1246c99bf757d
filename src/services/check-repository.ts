import pLimit from "p-limit";
import type { Config } from "../core/config/config-schema.js";
import { resolveSystemSpecs } from "../core/config/resolve-config.js";
import { classifyDocuments } from "../core/checks/classify-documents.js";
import { citationsToCheck } from "../core/checks/rules/citations-to-check.js";
import { runChecks } from "../core/checks/run-checks.js";
import { summarizeFindings, type CheckReport } from "../core/checks/summarize-findings.js";
import type {
  CheckContext,
  DocumentKind,
  FindingDraft,
  RuleId,
  SourceText,
  SpecDocument,
} from "../core/checks/types.js";
import { UsageError } from "../core/errors.js";
import { createFileIndex, type FileIndex } from "../core/files/file-index.js";
import type { RepoSnapshot } from "../ports/repo-snapshot.js";
import { readSourceText } from "./read-source-text.js";
import { readSpecDocument } from "./read-spec-document.js";

const READ_CONCURRENCY = 16;

export interface CheckRepositoryOptions {
  snapshot: RepoSnapshot;
  config: Config;
  /** Report only findings on (or involving) these repository paths. */
  only?: readonly string[];
  /** Run only these rules. */
  rules?: readonly RuleId[];
}

const normalise = (p: string) =>
  p
    .replace(/\\/g, "/")
    .replace(/^\.\/+/, "")
    .replace(/\/+$/, "");

function checkOnly(
  only: readonly string[],
  kinds: ReadonlyMap<string, DocumentKind>,
  files: FileIndex,
  where: string,
): Set<string> {
  const wanted = new Set(only.map(normalise));
  for (const path of wanted) {
    if (!files.hasFile(path))
      throw new UsageError(
        `${path} does not exist in ${where}.`,
        "Give spec paths relative to the repository root.",
      );
    const kind = kinds.get(path);
    if (kind === undefined || kind === "review") {
      throw new UsageError(
        `${path} is not a spec Specwright checks.`,
        "Check files in the system specs folder (systemSpecs.specsDir) or matching implementationSpecs.output.",
      );
    }
  }
  return wanted;
}

function extractionFailure(path: string, error: unknown): FindingDraft {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    rule: "input",
    severity: "error",
    file: path,
    line: undefined,
    message: `${path} could not be checked: reading its citations failed (${reason}).`,
    subjects: [path, "citations"],
    specs: [path],
    fix: "This is a bug in Specwright; please report it with the spec that triggers it. The other specs were checked.",
  };
}

/**
 * Checks every spec of the repository at the snapshot's commit: reads and parses the specs,
 * brief, registry and template, loads the sources cited with anchors, and runs every rule.
 * Unreadable input becomes `input` findings, never an exception (except a bad `only` path: `UsageError`).
 */
export async function checkRepository(options: CheckRepositoryOptions): Promise<CheckReport> {
  const { snapshot, config } = options;
  const files = createFileIndex(await snapshot.listFiles());
  const systemSpecs = resolveSystemSpecs(config, files.files);
  const implementationOutput = config.implementationSpecs.output;
  const kinds = classifyDocuments(files.files, systemSpecs, implementationOutput);
  const only =
    options.only && options.only.length > 0
      ? checkOnly(options.only, kinds, files, snapshot.label)
      : undefined;

  const limit = pLimit(READ_CONCURRENCY);
  const entries = [...kinds.entries()]
    .filter(([, kind]) => kind !== "review")
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const loaded = await limit.map(entries, ([path, kind]) => readSpecDocument(snapshot, files, path, kind));
  const inputFindings: FindingDraft[] = [];
  const docs: SpecDocument[] = [];
  for (const item of loaded) {
    if (item.kind === "doc") docs.push(item.doc);
    else if (item.kind === "problem") inputFindings.push(item.finding);
  }
  const ofKind = (kind: DocumentKind) => docs.filter((d) => d.kind === kind);
  const specs = ofKind("system");
  const implSpecs = ofKind("implementation");
  const registry = ofKind("registry")[0];
  if (specs.length === 0 && implSpecs.length === 0 && inputFindings.length === 0) {
    inputFindings.push({
      rule: "input",
      severity: "info",
      file: systemSpecs.specsDir,
      line: undefined,
      message: `No specs found: no markdown files in ${systemSpecs.specsDir}/ and none matching ${implementationOutput}.`,
      subjects: ["no-specs"],
      specs: [],
      fix: "Point systemSpecs.specsDir and implementationSpecs.output in .github/specwright.yml at your specs.",
    });
  }

  const anchored = new Set<string>();
  const broken = new Set<SpecDocument>();
  for (const doc of [...specs, ...implSpecs, ...(registry ? [registry] : [])]) {
    try {
      for (const c of citationsToCheck(doc, files))
        if (c.anchor && !c.exempt && files.hasFile(c.path)) anchored.add(c.path);
    } catch (error) {
      // One document the extractor cannot handle must not stop the run: report it, check the others.
      broken.add(doc);
      inputFindings.push(extractionFailure(doc.path, error));
    }
  }
  const usable = (list: SpecDocument[]) => list.filter((d) => !broken.has(d));
  const sources = new Map<string, SourceText>();
  await limit.map([...anchored].sort(), async (path) => {
    const source = await readSourceText(snapshot, files, path);
    if (source) sources.set(path, source);
  });

  const ctx: CheckContext = {
    systemSpecs,
    implementationOutput,
    files,
    specs: usable(specs),
    implSpecs: usable(implSpecs),
    allImplSpecs: usable(implSpecs),
    brief: ofKind("brief")[0],
    registry: registry && !broken.has(registry) ? registry : undefined,
    template: ofKind("template")[0],
    sources,
  };
  let findings = runChecks(ctx, { inputFindings, ...(options.rules ? { rules: options.rules } : {}) });
  // Findings about no spec in particular (a missing brief, no specs at all) concern every file asked for.
  if (only)
    findings = findings.filter(
      (f) => f.specs.length === 0 || only.has(f.file) || f.specs.some((s) => only.has(s)),
    );
  const isSpec = (path: string) => {
    const kind = kinds.get(path);
    return kind === "system" || kind === "implementation";
  };
  const specsChecked = only ? [...only].filter(isSpec).length : specs.length + implSpecs.length;
  return { findings, summary: summarizeFindings(findings, { commit: snapshot.sha, specsChecked }) };
}
