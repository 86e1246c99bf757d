import pLimit from "p-limit";
import type { Config } from "../core/config/config-schema.js";
import { resolveSystemSpecs } from "../core/config/resolve-config.js";
import { classifyDocuments } from "../core/checks/classify-documents.js";
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
import { extractCitations } from "../core/markdown/extract-citations.js";
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
  for (const doc of [...specs, ...implSpecs, ...(registry ? [registry] : [])]) {
    for (const c of extractCitations(doc))
      if (c.anchor && !c.exempt && files.hasFile(c.path)) anchored.add(c.path);
  }
  const sources = new Map<string, SourceText>();
  await limit.map([...anchored].sort(), async (path) => {
    const source = await readSourceText(snapshot, files, path);
    if (source) sources.set(path, source);
  });

  const ctx: CheckContext = {
    systemSpecs,
    implementationOutput,
    files,
    specs,
    implSpecs,
    allImplSpecs: implSpecs,
    brief: ofKind("brief")[0],
    registry,
    template: ofKind("template")[0],
    sources,
  };
  let findings = runChecks(ctx, { inputFindings, ...(options.rules ? { rules: options.rules } : {}) });
  if (only) findings = findings.filter((f) => only.has(f.file) || f.specs.some((s) => only.has(s)));
  const specsChecked = only ? only.size : specs.length + implSpecs.length;
  return { findings, summary: summarizeFindings(findings, { commit: snapshot.sha, specsChecked }) };
}
