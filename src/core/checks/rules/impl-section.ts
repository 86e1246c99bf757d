import type { CheckContext, CheckRule, FindingDraft, SpecDocument } from "../types.js";
import { IMPL_SECTION_NAMES, normaliseName, sectionsOf } from "./impl-find-section.js";

/** Sections the template marks as optional for simple work: missing is a warning, not an error. */
const OPTIONAL = new Set(["Architecture"]);

function checkSpec(doc: SpecDocument): FindingDraft[] {
  const findings: FindingDraft[] = [];
  const all = sectionsOf(doc);
  const lastLine = Math.max(1, doc.lines.length);
  const base = { rule: "impl-section" as const, file: doc.path, specs: [doc.path] };
  const present = new Map<string, { line: number; depth: number; count: number }>();
  for (const s of [...all.filter((x) => x.depth === 2), ...all.filter((x) => x.depth !== 2)]) {
    const key = normaliseName(s.name);
    const known = present.get(key);
    if (!known) present.set(key, { line: s.line, depth: s.depth, count: 1 });
    else if (known.depth === s.depth) known.count += 1;
  }

  IMPL_SECTION_NAMES.forEach((name, i) => {
    const found = present.get(normaliseName(name));
    if (found && found.depth === 2) {
      if (found.count > 1) {
        findings.push({
          ...base,
          severity: "warning",
          line: found.line,
          message: `Section "${name}" appears ${found.count} times.`,
          subjects: [doc.path, `duplicate:${name}`],
          fix: `Merge the "${name}" sections into one.`,
        });
      }
      return;
    }
    if (found) {
      findings.push({
        ...base,
        severity: "warning",
        line: found.line,
        message: `"${name}" is a level-${found.depth} heading; the template makes it a \`##\` section.`,
        subjects: [doc.path, `level:${name}`],
        fix: `Change the heading to \`## ${name}\`.`,
      });
      return;
    }
    const next = IMPL_SECTION_NAMES.slice(i + 1)
      .map((n) => present.get(normaliseName(n)))
      .find((p) => p?.depth === 2);
    const optional = OPTIONAL.has(name);
    findings.push({
      ...base,
      severity: optional ? "warning" : "error",
      line: next?.line ?? lastLine,
      message: optional
        ? `Section "${name}" is missing (the template allows leaving it out only for simple work).`
        : `Required section "${name}" is missing.`,
      subjects: [doc.path, `missing:${name}`],
      fix: `Add a \`## ${name}\` section${next ? " before the section at this line" : " at the end"}, as in the implementation-spec template.`,
    });
  });

  const order = all
    .filter((s) => s.depth === 2)
    .map((s) => ({
      s,
      index: IMPL_SECTION_NAMES.findIndex((n) => normaliseName(n) === normaliseName(s.name)),
    }))
    .filter((x) => x.index >= 0);
  let highest = -1;
  for (const { s, index } of order) {
    if (index < highest) {
      const before = IMPL_SECTION_NAMES[highest] ?? "";
      findings.push({
        ...base,
        severity: "warning",
        line: s.line,
        message: `Section "${s.name}" comes after "${before}"; the template orders it before.`,
        subjects: [doc.path, `order:${s.name}`],
        fix: `Move "${s.name}" before "${before}" (template order: ${IMPL_SECTION_NAMES.join(", ")}).`,
      });
      break;
    }
    highest = index;
  }
  return findings;
}

/** `impl-section`: an implementation spec has every template section (Meta … Notes), in order. */
export const implSectionRule: CheckRule = {
  id: "impl-section",
  description:
    "Implementation specs have the template's sections: Meta, Overview, Skills, … Completion Promise, Notes.",
  run: (ctx: CheckContext) => ctx.implSpecs.flatMap(checkSpec),
};
