import { hasKnownExtension } from "../../markdown/parse-path-token.js";
import { extractCitations } from "../../markdown/extract-citations.js";
import { extractSections } from "../../markdown/extract-sections.js";
import { normaliseName } from "../../markdown/normalise-name.js";
import type { CheckContext, CheckRule, Citation, FindingDraft, SpecDocument } from "../types.js";
import { createPathSuggester, type PathSuggester } from "./suggest-path.js";

interface Missing {
  citation: Citation;
  count: number;
  under: number;
}

/** Whether a non-existent citation should be left to another rule or is too ambiguous to report. */
function ignoreMissing(c: Citation, doc: SpecDocument, ctx: CheckContext): boolean {
  const hasSlash = c.path.includes("/");
  if (c.path.endsWith(".md")) {
    // Spec-to-spec references are `xref-broken`'s job.
    if (!hasSlash) return true;
    const dir = c.path.slice(0, c.path.lastIndexOf("/"));
    if (doc.kind === "system" && dir === ctx.systemSpecs.specsDir) return true;
  }
  // `owner/repo`, `application/json`, `and/or`: only a path when it starts in an existing top-level folder.
  if (c.source !== "tree" && hasSlash && !c.isDirectory && !hasKnownExtension(c.path)) {
    return !ctx.files.hasDirectory(c.path.slice(0, c.path.indexOf("/")));
  }
  return false;
}

function exists(c: Citation, ctx: CheckContext, suggester: PathSuggester): boolean {
  if (c.isDirectory ? ctx.files.hasDirectory(c.path) : ctx.files.exists(c.path)) return true;
  // A bare file name (`session-hub.ts`) names a file somewhere in the repository.
  return !c.path.includes("/") && !c.isDirectory && suggester.hasBasename(c.path);
}

/**
 * The citations to verify: all of a system spec's; in an implementation spec only the Reference Files
 * section's, because the plan (Work Streams "Owns", chunk files) lists files the work will create.
 */
function citationsToCheck(doc: SpecDocument): Citation[] {
  const citations = extractCitations(doc);
  if (doc.kind !== "implementation") return citations;
  const ranges = extractSections(doc.tree)
    .filter((s) => normaliseName(s.name) === "reference files")
    .map((s) => [s.line, s.endLine] as const);
  return citations.filter((c) => ranges.some(([start, end]) => c.line > start && c.line <= end));
}

function checkDoc(doc: SpecDocument, ctx: CheckContext, suggester: PathSuggester): FindingDraft[] {
  const missing = new Map<string, Missing>();
  for (const c of citationsToCheck(doc)) {
    if (c.exempt) continue;
    const known = missing.get(c.path);
    if (known) {
      known.count += 1;
      continue;
    }
    if (exists(c, ctx, suggester) || ignoreMissing(c, doc, ctx)) continue;
    missing.set(c.path, { citation: c, count: 1, under: 0 });
  }
  // Report a missing folder once, not once per entry listed under it.
  for (const path of missing.keys()) {
    for (let slash = path.lastIndexOf("/"); slash > 0; slash = path.lastIndexOf("/", slash - 1)) {
      const parent = missing.get(path.slice(0, slash));
      if (parent) {
        parent.under += 1;
        missing.delete(path);
        break;
      }
    }
  }
  return [...missing.values()].map(({ citation: c, count, under }) => {
    const bare = !c.path.includes("/");
    const hints = suggester.suggest(c.path).filter((h) => h !== c.path);
    const times = count > 1 ? ` (cited ${count} times)` : "";
    const below = under > 0 ? `, nor do the ${under} entr${under === 1 ? "y" : "ies"} listed under it` : "";
    const kind = c.isDirectory ? "folder" : "path";
    return {
      rule: "citation-missing" as const,
      severity: bare ? ("warning" as const) : ("error" as const),
      file: doc.path,
      line: c.line,
      message: `Cited ${kind} \`${c.path}\` does not exist at this commit${below}${times}.`,
      subjects: [c.path],
      specs: [doc.path],
      fix:
        hints.length > 0
          ? `Correct the path: did you mean ${hints.map((h) => `\`${h}\``).join(" or ")}?`
          : `Cite a file that exists, or say next to the path that it is planned / not in git if it does not exist yet.`,
    };
  });
}

/**
 * `citation-missing`: a repository path cited by a system spec, or in an implementation spec's
 * Reference Files, does not exist at the commit.
 */
export const citationMissingRule: CheckRule = {
  id: "citation-missing",
  description: "A cited repository path (inline code, file tree, table, link) does not exist at the commit.",
  run(ctx: CheckContext): FindingDraft[] {
    const suggester = createPathSuggester(ctx.files);
    return [...ctx.specs, ...ctx.implSpecs].flatMap((doc) => checkDoc(doc, ctx, suggester));
  },
};
