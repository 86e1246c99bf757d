import { extractSections } from "../../markdown/extract-sections.js";
import { extractXrefs, type CrossReference } from "../../markdown/extract-xrefs.js";
import { headingSlugs } from "../../markdown/heading-slugs.js";
import { normalisePosixPath, resolveLinkPath } from "../../markdown/resolve-link-path.js";
import type { CheckContext, CheckRule, FindingDraft, SpecDocument } from "../types.js";
import { closestName } from "./closest-name.js";
import { createPathSuggester, type PathSuggester } from "./suggest-path.js";

const dirOf = (p: string) => (p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : "");
const baseOf = (p: string) => p.slice(p.lastIndexOf("/") + 1);
const join = (dir: string, p: string) => normalisePosixPath(dir === "" ? p : `${dir}/${p}`);

interface Resolved {
  /** The existing file, or the most likely intended path when missing. */
  path: string;
  exists: boolean;
  /** Missing and in this rule's remit (in the specs folder, or a bare spec name). */
  report: boolean;
}

function resolve(
  ref: CrossReference,
  doc: SpecDocument,
  ctx: CheckContext,
  suggester: PathSuggester,
  agentFiles: ReadonlySet<string>,
): Resolved {
  const target = ref.target;
  if (target === undefined) return { path: doc.path, exists: true, report: false };
  const dir = dirOf(doc.path);
  const specsDir = ctx.systemSpecs.specsDir;
  const bare = !target.includes("/");
  let candidates: (string | undefined)[];
  if (ref.isLink) candidates = [resolveLinkPath(doc.path, target)];
  else if (target.startsWith("./") || target.startsWith("../")) candidates = [join(dir, target)];
  else if (!bare) candidates = [normalisePosixPath(target), join(dir, target)];
  else candidates = [join(dir, target), join(specsDir, target)];
  const paths = candidates.filter((c): c is string => c !== undefined);
  const found = paths.find((p) => ctx.files.hasFile(p));
  if (found) return { path: found, exists: true, report: false };
  if (bare && !ref.isLink && suggester.hasBasename(target)) {
    return { path: suggester.suggest(target)[0] ?? target, exists: true, report: false };
  }
  const path = paths[0] ?? target;
  // A file name merely mentioned in prose (`AGENTS.md`, `CHANGELOG.md`) is not a spec reference:
  // report it only when written as one (a link, `x.md §N`), when it names a configured agent's
  // spec file, or when it points into the specs folder by path (`../specs/gone.md`).
  const report = !ref.exempt && (bare ? ref.explicit || agentFiles.has(path) : dirOf(path) === specsDir);
  return { path, exists: false, report };
}

function numbersOf(doc: SpecDocument): Set<string> {
  return new Set(extractSections(doc.tree).flatMap((s) => (s.number ? [s.number] : [])));
}

/**
 * `xref-broken`: references to spec files, numbered sections or heading anchors that do not exist.
 * A missing file is reported when it is clearly meant as a spec reference (see `resolve`) and the
 * spec does not say it is not in git or generated.
 */
export const xrefBrokenRule: CheckRule = {
  id: "xref-broken",
  description: "A cross-reference to a spec file, section (§N) or heading anchor that does not exist.",
  run(ctx: CheckContext): FindingDraft[] {
    if (ctx.specs.length === 0) return [];
    const suggester = createPathSuggester(ctx.files);
    const loaded = new Map<string, SpecDocument>();
    for (const d of [
      ctx.brief,
      ctx.registry,
      ctx.template,
      ...ctx.allImplSpecs,
      ...ctx.implSpecs,
      ...ctx.specs,
    ]) {
      if (d) loaded.set(d.path, d);
    }
    const specsDir = ctx.systemSpecs.specsDir;
    const specFiles = ctx.files
      .filesUnder(specsDir)
      .filter((f) => f.endsWith(".md") && dirOf(f) === specsDir);
    const specNames = new Set(
      [...specFiles, ...ctx.systemSpecs.agents.map((a) => a.specFile)].map((f) => baseOf(f).slice(0, -3)),
    );
    const agentFiles = new Set(ctx.systemSpecs.agents.map((a) => a.specFile));
    const numbers = new Map<string, Set<string>>();
    const slugs = new Map<string, Set<string>>();
    const findings: FindingDraft[] = [];

    for (const doc of ctx.specs) {
      const seen = new Set<string>();
      const resolved = new Map<string, Resolved>();
      for (const ref of extractXrefs(doc, specNames)) {
        const cacheKey = `${ref.isLink ? "link" : "text"}\u0000${ref.explicit}\u0000${ref.exempt}\u0000${ref.target ?? ""}`;
        let target = resolved.get(cacheKey);
        if (!target) resolved.set(cacheKey, (target = resolve(ref, doc, ctx, suggester, agentFiles)));
        const base = { rule: "xref-broken" as const, file: doc.path, line: ref.line };
        if (!target.exists) {
          if (!target.report || seen.has(target.path)) continue;
          seen.add(target.path);
          const guess = closestName(baseOf(target.path), specFiles.map(baseOf));
          findings.push({
            ...base,
            severity: "error",
            message: `\`${ref.text}\` refers to \`${target.path}\`, which does not exist.`,
            subjects: [target.path],
            specs: [doc.path],
            fix: guess
              ? `Did you mean \`${guess}\`? Correct the reference.`
              : `Point the reference at an existing spec in ${specsDir}/, or remove it.`,
          });
          continue;
        }
        const targetDoc = loaded.get(target.path);
        if (!targetDoc) continue;
        const specs = [...new Set([doc.path, target.path])];
        if (ref.section !== undefined) {
          let nums = numbers.get(target.path);
          if (!nums) numbers.set(target.path, (nums = numbersOf(targetDoc)));
          const key = `${target.path}§${ref.section}`;
          if (!nums.has(ref.section) && !seen.has(key)) {
            seen.add(key);
            const listed = [...nums].slice(0, 15).join(", ");
            const where = target.path === doc.path ? "This spec" : `\`${target.path}\``;
            findings.push({
              ...base,
              severity: "error",
              message: `\`${ref.text}\` points to §${ref.section}, but ${where} has no section ${ref.section}${listed ? ` (its numbered sections: ${listed})` : ""}.`,
              subjects: [key],
              specs,
              fix: `Change the reference to the section that covers this topic, or add the missing section to ${target.path}.`,
            });
          }
        }
        if (ref.anchor !== undefined) {
          let known = slugs.get(target.path);
          if (!known) slugs.set(target.path, (known = headingSlugs(targetDoc.tree)));
          let anchor = ref.anchor;
          try {
            anchor = decodeURIComponent(anchor);
          } catch {
            // keep as written
          }
          const key = `${target.path}#${anchor}`;
          if (!known.has(anchor.toLowerCase()) && !seen.has(key)) {
            seen.add(key);
            findings.push({
              ...base,
              severity: "warning",
              message: `\`${ref.text}\` links to the anchor #${anchor}, but no heading in ${target.path} produces it.`,
              subjects: [key],
              specs,
              fix: `Link to an existing heading's anchor (lower-case heading text with spaces as dashes).`,
            });
          }
        }
      }
    }
    return findings;
  },
};
