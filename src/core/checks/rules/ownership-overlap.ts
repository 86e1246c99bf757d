import { extractDefinedTables } from "../../markdown/extract-db-tables.js";
import { normaliseName } from "../../markdown/normalise-name.js";
import { pointsElsewhere } from "../../markdown/points-elsewhere.js";
import type { CheckContext, CheckRule, FindingDraft, SpecDocument } from "../types.js";
import { citationsToCheck } from "./citations-to-check.js";
import {
  DATA_MODEL_SECTION,
  FILE_TREE_SECTION,
  findSpecSection,
  templateSectionOf,
} from "./find-spec-section.js";

/** One spec's claim on a path or table. */
interface Claim {
  spec: string;
  line: number;
  /** The claimed folder the subject falls under, when the claim is indirect. */
  via?: string;
}

/** Files and leaf folders a spec's file-tree section claims (structural parent folders are not claims). */
function fileClaims(
  doc: SpecDocument,
  ctx: CheckContext,
): { path: string; line: number; isDirectory: boolean }[] {
  const section = findSpecSection(doc, templateSectionOf(ctx.template, FILE_TREE_SECTION), FILE_TREE_SECTION);
  if (!section) return [];
  const all = citationsToCheck(doc, ctx.files).filter(
    (c) => c.line > section.line && c.line <= section.endLine,
  );
  const tree = all.filter((c) => c.source === "tree");
  // Folders with entries listed under them are structure, not claims (even when those entries are skipped).
  const parents = new Set<string>();
  for (const c of tree.length > 0 ? tree : all) {
    for (let i = c.path.lastIndexOf("/"); i > 0; i = c.path.lastIndexOf("/", i - 1))
      parents.add(c.path.slice(0, i));
  }
  const claims = (tree.length > 0 ? tree : all).filter(
    (c) => !c.exempt && !pointsElsewhere(doc.lines[c.line - 1] ?? "", doc.path),
  );
  return claims
    .filter((c) => !(c.isDirectory && parents.has(c.path)))
    .map((c) => ({ path: c.path, line: c.line, isDirectory: c.isDirectory || parents.has(c.path) }));
}

/** Every spec's names (file name, agent name and title), normalised, by spec path. */
function specNames(ctx: CheckContext): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (const doc of ctx.specs) {
    const agent = ctx.systemSpecs.agents.find((a) => a.specFile === doc.path);
    const base = doc.path.slice(doc.path.lastIndexOf("/") + 1).replace(/\.md$/i, "");
    const list = [base, agent?.name, agent?.title].filter((n): n is string => !!n).map(normaliseName);
    names.set(
      doc.path,
      list.filter((n) => n !== ""),
    );
  }
  return names;
}

function addClaim(map: Map<string, Claim[]>, subject: string, claim: Claim): void {
  const list = map.get(subject);
  if (!list) map.set(subject, [claim]);
  else if (!list.some((c) => c.spec === claim.spec)) list.push(claim);
}

function describe(subject: string, claims: Claim[], what: string): FindingDraft {
  const sorted = [...claims].sort((a, b) => (a.spec < b.spec ? -1 : a.spec > b.spec ? 1 : 0));
  const first = sorted[0] as Claim;
  const list = sorted
    .map((c) => `${c.spec} (line ${c.line}${c.via ? `, via \`${c.via}/\`` : ""})`)
    .join(", ");
  const isTable = subject.startsWith("table:");
  const name = isTable ? `Table \`${subject.slice(6)}\`` : `\`${subject}\``;
  return {
    rule: "ownership-overlap",
    severity: "error",
    file: first.spec,
    line: first.line,
    message: `${name} is claimed in the ${what} of ${sorted.length} specs: ${list}. Ownership must be exclusive.`,
    subjects: [subject],
    specs: sorted.map((c) => c.spec),
    fix: `Keep ${isTable ? "the table definition" : "the entry"} in the spec that owns it and, in the others, replace it with a link to that spec.`,
  };
}

/**
 * `ownership-overlap`: the same file or folder in the file-tree section of two or more specs, or the
 * same database table defined in the data-model section of two or more specs. A file under a folder
 * another spec claims as a whole also counts. Tables a spec only reads (an Owner cell naming another
 * spec, "reads but does not own") are not claims. Each subject is reported once, naming every claimant.
 */
export const ownershipOverlapRule: CheckRule = {
  id: "ownership-overlap",
  description: "The same file, folder or database table is claimed by two or more specs.",
  run(ctx: CheckContext): FindingDraft[] {
    const files = new Map<string, Claim[]>();
    const folders = new Map<string, Claim[]>();
    const tables = new Map<string, Claim[]>();
    const dataSection = templateSectionOf(ctx.template, DATA_MODEL_SECTION);
    const names = specNames(ctx);
    for (const doc of ctx.specs) {
      for (const claim of fileClaims(doc, ctx)) {
        addClaim(files, claim.path, { spec: doc.path, line: claim.line });
        if (claim.isDirectory) addClaim(folders, claim.path, { spec: doc.path, line: claim.line });
      }
      const section = findSpecSection(doc, dataSection, DATA_MODEL_SECTION);
      if (!section) continue;
      const others = new Set([...names].flatMap(([path, list]) => (path === doc.path ? [] : list)));
      for (const own of names.get(doc.path) ?? []) others.delete(own);
      for (const t of extractDefinedTables(section.children, doc.lines, doc.path, others)) {
        addClaim(tables, `table:${t.name}`, { spec: doc.path, line: t.line });
      }
    }
    // A file or folder under a folder another spec claims whole is claimed by both.
    for (const [path, claims] of files) {
      for (let i = path.lastIndexOf("/"); i > 0; i = path.lastIndexOf("/", i - 1)) {
        const folder = path.slice(0, i);
        for (const owner of folders.get(folder) ?? []) {
          if (!claims.some((c) => c.spec === owner.spec)) claims.push({ ...owner, via: folder });
        }
      }
    }
    const findings: FindingDraft[] = [];
    for (const [path, claims] of files)
      if (claims.length > 1) findings.push(describe(path, claims, "file trees"));
    for (const [table, claims] of tables)
      if (claims.length > 1) findings.push(describe(table, claims, "data models"));
    return findings;
  },
};
