import { buildSpecDocument } from "../../src/core/checks/build-spec-document.js";
import { classifyDocuments } from "../../src/core/checks/classify-documents.js";
import type { CheckContext, DocumentKind, SourceText, SpecDocument } from "../../src/core/checks/types.js";
import { configSchema, type ConfigInput } from "../../src/core/config/config-schema.js";
import { resolveSystemSpecs } from "../../src/core/config/resolve-config.js";
import { createFileIndex } from "../../src/core/files/file-index.js";

/** Parses markdown into a `SpecDocument` for tests (throws on unparseable input). */
export function specDocument(path: string, text: string, kind: DocumentKind = "system"): SpecDocument {
  const doc = buildSpecDocument(path, kind, text);
  if ("error" in doc) throw new Error(doc.error);
  return doc;
}

/** What a test repository holds. */
export interface TestRepo {
  /** Files with contents. Markdown files are classified as the checker does (specs, brief, registry, template…). */
  files: Record<string, string>;
  /** More repository paths, without contents (source files that only need to exist). */
  paths?: readonly string[];
  /** `.github/specwright.yml` contents as an object (defaults: specs in `docs/specs/`, 300–600 lines). */
  config?: ConfigInput;
  /** Source files that could not be read, with the reason (binary, too large). */
  unreadable?: Record<string, string>;
}

function sourceOf(text: string): SourceText {
  const parts = text.split("\n").length;
  return { kind: "text", text, lineCount: text === "" ? 0 : text.endsWith("\n") ? parts - 1 : parts };
}

/**
 * Builds a `CheckContext` the way the runner does: resolves the config, classifies the markdown
 * files, parses them, and offers every file's text as a source (for anchor checks).
 */
export function buildCheckContext(repo: TestRepo): CheckContext {
  const config = configSchema.parse(repo.config ?? {});
  const allPaths = [
    ...new Set([...Object.keys(repo.files), ...(repo.paths ?? []), ...Object.keys(repo.unreadable ?? {})]),
  ];
  const files = createFileIndex(allPaths.map((path) => ({ path, size: repo.files[path]?.length ?? 100 })));
  const systemSpecs = resolveSystemSpecs(config, files.files);
  const implementationOutput = config.implementationSpecs.output;
  const kinds = classifyDocuments(files.files, systemSpecs, implementationOutput);
  const docs: SpecDocument[] = [];
  const sources = new Map<string, SourceText>();
  for (const [path, text] of Object.entries(repo.files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const kind = kinds.get(path);
    if (kind && kind !== "review") docs.push(specDocument(path, text, kind));
    sources.set(path, sourceOf(text));
  }
  for (const [path, reason] of Object.entries(repo.unreadable ?? {}))
    sources.set(path, { kind: "unreadable", reason });
  const ofKind = (kind: DocumentKind) => docs.filter((d) => d.kind === kind);
  return {
    systemSpecs,
    implementationOutput,
    files,
    specs: ofKind("system"),
    implSpecs: ofKind("implementation"),
    allImplSpecs: ofKind("implementation"),
    brief: ofKind("brief")[0],
    registry: ofKind("registry")[0],
    template: ofKind("template")[0],
    sources,
  };
}
