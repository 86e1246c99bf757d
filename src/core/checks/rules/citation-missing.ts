import { hasKnownExtension } from "../../markdown/parse-path-token.js";
import type { CheckContext, CheckRule, Citation, FindingDraft, SpecDocument } from "../types.js";
import { citationsToCheck } from "./citations-to-check.js";
import { createPathSuggester, type PathSuggester } from "./suggest-path.js";

interface Missing {
  citation: Citation;
  count: number;
  under: number;
}

/** Whether a non-existent citation should be left to another rule or is too ambiguous to report. */
function ignoreMissing(c: Citation, doc: SpecDocument, ctx: CheckContext): boolean {
  const hasSlash = c.path.includes("/");
  // A bare name in a prose code span (`res.json`, `config.ts`) is as often code as a file: a path only if it exists.
  if (c.source === "code" && !hasSlash && !c.isDirectory) return true;
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

function checkDoc(doc: SpecDocument, ctx: CheckContext, suggester: PathSuggester): FindingDraft[] {
  const missing = new Map<string, Missing>();
  for (const c of citationsToCheck(doc, ctx.files)) {
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
      // A bare file name may be meant relative to something; a missing top-level folder with entries is not.
      severity: bare && under === 0 ? ("warning" as const) : ("error" as const),
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
