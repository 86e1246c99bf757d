import { extractSections, type Section } from "../../markdown/extract-sections.js";
import { normaliseName } from "../../markdown/normalise-name.js";
import type { CheckContext, CheckRule, FindingDraft, SpecDocument } from "../types.js";
import { missingInputFinding } from "./missing-input-finding.js";
import { templateSections, type TemplateSection } from "./template-sections.js";

const label = (s: TemplateSection) => (s.number ? `${s.number}. ${s.name}` : s.name);
const collapse = (s: string) => s.replace(/\s+/g, " ").trim();

function checkSpec(doc: SpecDocument, required: TemplateSection[]): FindingDraft[] {
  const findings: FindingDraft[] = [];
  const base = { rule: "template-section" as const, file: doc.path, specs: [doc.path] };
  const level2 = extractSections(doc.tree).filter((s) => s.depth === 2);
  const byName = new Map<string, Section>();
  for (const s of level2) if (!byName.has(normaliseName(s.name))) byName.set(normaliseName(s.name), s);
  // A renumbered or renamed section is found by its number, unless its name belongs to another required section.
  const requiredNames = new Set(required.map((r) => normaliseName(r.name)));
  const byNumber = new Map<string, Section>();
  for (const s of level2) {
    if (s.number && !byNumber.has(s.number) && !requiredNames.has(normaliseName(s.name)))
      byNumber.set(s.number, s);
  }

  let lastMatched: { line: number; label: string } | undefined;
  for (const want of required) {
    const found =
      byName.get(normaliseName(want.name)) ?? (want.number ? byNumber.get(want.number) : undefined);
    if (!found) {
      findings.push({
        ...base,
        severity: "error",
        line: lastMatched ? lastMatched.line : 1,
        message: `Template section "${label(want)}" is missing.`,
        subjects: [`missing:${label(want)}`],
        fix: `Add a \`## ${label(want)}\` section${lastMatched ? ` after "${lastMatched.label}"` : ""}, following the template.`,
      });
      continue;
    }
    const exactName = collapse(found.name) === collapse(want.name);
    const exactNumber = want.number === undefined || found.number === want.number;
    if (!exactName || !exactNumber) {
      findings.push({
        ...base,
        severity: "warning",
        line: found.line,
        message: `Section "${found.title}" should be titled "${label(want)}" as in the template.`,
        subjects: [`title:${label(want)}`],
        fix: `Rename the heading to \`## ${label(want)}\`.`,
      });
    }
    if (lastMatched && found.line < lastMatched.line) {
      findings.push({
        ...base,
        severity: "warning",
        line: found.line,
        message: `Section "${label(want)}" comes before "${lastMatched.label}"; the template puts it after.`,
        subjects: [`order:${label(want)}`],
        fix: `Move the "${found.title}" section after "${lastMatched.label}".`,
      });
      continue;
    }
    lastMatched = { line: found.line, label: label(want) };
  }
  return findings;
}

/** `template-section`: every numbered `##` section of the template is present, exactly named, in order. */
export const templateSectionRule: CheckRule = {
  id: "template-section",
  description: "The template's numbered ## sections are present, exactly named and in order.",
  run(ctx: CheckContext): FindingDraft[] {
    if (ctx.specs.length === 0) return [];
    const file = ctx.systemSpecs.template;
    if (!ctx.template) return [missingInputFinding(file, "spec template", ["template-section"])];
    const required = templateSections(ctx.template);
    if (required.length === 0) {
      return [missingInputFinding(file, "spec template", ["template-section"], "has no `##` sections")];
    }
    return ctx.specs.flatMap((doc) => checkSpec(doc, required));
  },
};
