import type { SpecDocument } from "../core/checks/types.js";
import type { ResolvedSystemSpecs } from "../core/config/resolve-config.js";
import type { FileIndex } from "../core/files/file-index.js";
import { extractCitations } from "../core/markdown/extract-citations.js";
import { extractXrefs } from "../core/markdown/extract-xrefs.js";
import { normalisePosixPath, resolveLinkPath } from "../core/markdown/resolve-link-path.js";

const dirOf = (p: string) => (p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : "");
const baseOf = (p: string) => p.slice(p.lastIndexOf("/") + 1);
const join = (dir: string, p: string) => normalisePosixPath(dir === "" ? p : `${dir}/${p}`);

/**
 * The markdown files a spec refers to: the targets of its cross-references (links,
 * `other.md §3`, `other-spec §3` for known spec names), resolved the way the `xref-broken` rule
 * resolves them (relative to the spec, then to the specs folder; a bare name also matches a
 * file of that name elsewhere), plus the `.md` files it cites. The validator loads only these
 * other specs to check section references, instead of every spec whose name appears in the text.
 */
export function linkedSpecPaths(
  doc: SpecDocument,
  systemSpecs: ResolvedSystemSpecs,
  files: FileIndex,
): Set<string> {
  const specsDir = systemSpecs.specsDir;
  const markdown = files.files.filter((f) => f.endsWith(".md"));
  const specNames = new Set(
    [...markdown.filter((f) => dirOf(f) === specsDir), ...systemSpecs.agents.map((a) => a.specFile)].map(
      (f) => baseOf(f).slice(0, -3),
    ),
  );
  const byBase = new Map<string, string[]>();
  for (const f of markdown) byBase.set(baseOf(f), [...(byBase.get(baseOf(f)) ?? []), f]);

  const out = new Set<string>();
  const dir = dirOf(doc.path);
  for (const ref of extractXrefs(doc, specNames)) {
    const target = ref.target;
    if (target === undefined) continue;
    let candidates: (string | undefined)[];
    if (ref.isLink) candidates = [resolveLinkPath(doc.path, target)?.replace(/#.*$/, "")];
    else if (target.startsWith("./") || target.startsWith("../")) candidates = [join(dir, target)];
    else if (target.includes("/")) candidates = [normalisePosixPath(target), join(dir, target)];
    else candidates = [join(dir, target), join(specsDir, target), ...(byBase.get(target) ?? [])];
    for (const c of candidates) if (c !== undefined) out.add(c);
  }
  for (const citation of extractCitations(doc)) {
    if (citation.path.endsWith(".md")) out.add(citation.path);
  }
  out.delete(doc.path);
  return out;
}
