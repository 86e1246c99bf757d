import type { ImportWarning, ReadFirstItem } from "./import-types.js";

/** The shared documents an agent prompt can point at. */
export type SystemDocRole = "boundaryBrief" | "template" | "featureRegistry";

/** What an agent's "READ THESE FILES FIRST" list says. */
export interface ReadFirstClassification {
  /** Shared documents found, each with the line that named it. */
  systemDocs: Partial<Record<SystemDocRole, { path: string; line: number }>>;
  /** From "feature-registry.md — section N (…)". */
  registrySection: number | string | undefined;
  /** Everything else: specs (or other files) to read first. */
  reads: string[];
  warnings: ImportWarning[];
}

const ROLE_WORDS: readonly [RegExp, SystemDocRole][] = [
  [/boundary/i, "boundaryBrief"],
  [/template/i, "template"],
  [/registry/i, "featureRegistry"],
];
const SECTION_RE = /(?:\bsection|§)\s*(\d+(?:\.\d+)*)/i;

const roleIn = (text: string): SystemDocRole | undefined => ROLE_WORDS.find(([re]) => re.test(text))?.[1];

/**
 * Sorts read-first items: the boundary brief, template and feature registry (recognised by those
 * words in the path, else in the description) become shared config paths; another agent's spec
 * file is always a spec to read, as is anything else.
 *
 * @param specFiles the spec files of every agent in the prompts file
 * @param ownSpecFile this agent's spec file (reading it is dropped with a warning)
 */
export function classifyReadFirst(
  items: readonly ReadFirstItem[],
  specFiles: ReadonlySet<string>,
  ownSpecFile: string | undefined,
): ReadFirstClassification {
  const result: ReadFirstClassification = {
    systemDocs: {},
    registrySection: undefined,
    reads: [],
    warnings: [],
  };
  for (const item of items) {
    if (item.path === ownSpecFile) {
      result.warnings.push({
        line: item.line,
        message: `"${item.path}" is this agent's own spec file; not added to reads`,
      });
      continue;
    }
    const role = specFiles.has(item.path) ? undefined : (roleIn(item.path) ?? roleIn(item.note ?? ""));
    if (role === undefined) {
      if (!result.reads.includes(item.path)) result.reads.push(item.path);
      continue;
    }
    const known = result.systemDocs[role];
    if (known && known.path !== item.path) {
      result.warnings.push({
        line: item.line,
        message: `a second ${role} "${item.path}" was ignored (using "${known.path}")`,
      });
      continue;
    }
    result.systemDocs[role] = { path: item.path, line: item.line };
    if (role === "featureRegistry") {
      const section = SECTION_RE.exec(item.note ?? "")?.[1];
      if (section === undefined) {
        result.warnings.push({
          line: item.line,
          message: "the feature registry is listed without a section number",
        });
      } else {
        result.registrySection = /^[1-9]\d*$/.test(section) ? Number(section) : section;
      }
    }
  }
  return result;
}
