import { extractGlossary, type GlossaryEntry } from "../../markdown/extract-glossary.js";
import { extractProse } from "../../markdown/extract-prose.js";
import type { CheckContext, CheckRule, FindingDraft, SpecDocument } from "../types.js";
import { missingInputFinding } from "./missing-input-finding.js";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One regex matching any of `terms` as whole words (longest first), with plural and possessive forms. */
function termsRegex(terms: readonly string[]): RegExp | undefined {
  if (terms.length === 0) return undefined;
  const alternatives = [...new Set(terms.map((t) => t.toLowerCase()))]
    .sort((a, b) => b.length - a.length)
    .map((t) => escape(t).replace(/\s+/g, "\\s+"));
  return new RegExp(
    `(?<![\\p{L}\\p{N}_/.\\\\-])(?:${alternatives.join("|")})(?:'s|es|s)?(?![\\p{L}\\p{N}_/\\\\-]|\\.[\\p{L}\\p{N}])`,
    "giu",
  );
}

/**
 * A forbidden term is confidently wrong when it is distinctive: several words, a CamelCase word, a
 * longer acronym or a name with digits. Short acronyms (`VM`, `DB`) are often meant literally, so
 * they stay info like ordinary words.
 */
function isDistinctive(term: string): boolean {
  const t = term.trim();
  if (/^[A-Z]{1,3}s?$/.test(t)) return false;
  return /[\s-]/.test(t) || /[a-z][A-Z]/.test(t) || /[A-Z]{4,}/.test(t) || /\d/.test(t);
}

const QUOTES = /["“”'‘’]/;

interface Use {
  entry: GlossaryEntry;
  term: string;
  lines: number[];
}

function checkDoc(
  doc: SpecDocument,
  forbidden: RegExp,
  canonical: RegExp | undefined,
  owner: Map<string, { entry: GlossaryEntry; term: string }>,
): FindingDraft[] {
  const uses = new Map<string, Use>();
  const probe = new RegExp(forbidden.source, "iu");
  for (const segment of extractProse(doc.tree)) {
    if (!probe.test(segment.text)) continue;
    const allowed: [number, number][] = [];
    if (canonical) {
      for (const m of segment.text.matchAll(canonical)) allowed.push([m.index, m.index + m[0].length]);
    }
    for (const m of segment.text.matchAll(forbidden)) {
      const start = m.index;
      const end = start + m[0].length;
      if (allowed.some(([a, b]) => a <= start && end <= b)) continue;
      if (QUOTES.test(segment.text[start - 1] ?? "") && QUOTES.test(segment.text[end] ?? "")) continue;
      const word = m[0].toLowerCase().replace(/\s+/g, " ");
      const hit =
        owner.get(word) ??
        owner.get(word.replace(/(?:'s|es|s)$/, "")) ??
        owner.get(word.replace(/(?:'s|s)$/, ""));
      if (!hit) continue;
      const line = segment.line + (segment.text.slice(0, start).match(/\n/g)?.length ?? 0);
      const key = hit.term.toLowerCase();
      const use = uses.get(key);
      if (use) use.lines.push(line);
      else uses.set(key, { entry: hit.entry, term: hit.term, lines: [line] });
    }
  }
  return [...uses.values()].map(({ entry, term, lines }) => {
    const shown = lines.slice(0, 5).join(", ") + (lines.length > 5 ? ", …" : "");
    const meaning = entry.definition ? ` (${entry.definition.replace(/\.$/, "")})` : "";
    return {
      rule: "glossary-term" as const,
      severity: isDistinctive(term) ? ("warning" as const) : ("info" as const),
      file: doc.path,
      line: lines[0],
      message: `Uses "${term}" ${lines.length === 1 ? "once" : `${lines.length} times`} (line${lines.length === 1 ? "" : "s"} ${shown}); the boundary brief's glossary calls this "${entry.term}"${meaning}.`,
      subjects: [`term:${term.toLowerCase()}`],
      specs: [doc.path],
      fix: `Where "${term}" names this concept, write "${entry.term}" instead; leave it where it means something else.`,
    };
  });
}

/**
 * `glossary-term`: prose uses a term the boundary brief's glossary says not to use ("Do NOT call it").
 * Code, quotations, quoted words and file paths are ignored; one finding per spec and term, as `info`
 * unless the term is distinctive (multi-word, acronym), because common words are often fine.
 */
export const glossaryTermRule: CheckRule = {
  id: "glossary-term",
  description: "Prose uses a term the boundary brief's glossary says not to use.",
  run(ctx: CheckContext): FindingDraft[] {
    if (ctx.specs.length === 0) return [];
    const file = ctx.systemSpecs.boundaryBrief;
    if (!ctx.brief) return [missingInputFinding(file, "boundary brief", ["glossary-term"])];
    const glossary = extractGlossary(ctx.brief);
    if (!glossary) {
      return [
        missingInputFinding(
          file,
          "boundary brief",
          ["glossary-term"],
          'has no glossary table with a "Do NOT call it" column',
        ),
      ];
    }
    const owner = new Map<string, { entry: GlossaryEntry; term: string }>();
    const canonicalTerms = new Set(glossary.map((e) => e.term.toLowerCase()));
    for (const entry of glossary) {
      for (const term of entry.forbidden) {
        const key = term.toLowerCase().replace(/\s+/g, " ");
        if (!owner.has(key) && !canonicalTerms.has(key)) owner.set(key, { entry, term });
      }
    }
    const forbidden = termsRegex([...owner.keys()]);
    if (!forbidden) return [];
    const canonical = termsRegex(glossary.map((e) => e.term));
    return ctx.specs.flatMap((doc) => checkDoc(doc, forbidden, canonical, owner));
  },
};
