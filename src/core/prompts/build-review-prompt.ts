import { compareFindings } from "../checks/compare-findings.js";
import type { ResolvedSystemSpecs } from "../config/resolve-config.js";
import type { Finding } from "../checks/types.js";
import { fillTemplate } from "./fill-template.js";
import type { PlaceholderValues } from "./prompt-placeholders.js";
import type { PromptBlock } from "./prompt-types.js";
import { renderBullets } from "./render-bullets.js";
import { renderDocument } from "./render-document.js";
import { renderLimitValues, type PromptLimits } from "./render-limit-values.js";
import { splitPromptTemplate } from "./split-prompt-template.js";

export interface BuildReviewPromptInput {
  /** The consistency-review prompt file, unfilled (built-in or override). */
  prompt: { text: string; source: string };
  systemSpecs: ResolvedSystemSpecs;
  /** Repository name, used when `systemSpecs.project` is not set. */
  repoName: string;
  /** Texts as read at the commit; `undefined` when the file does not exist. */
  brief: string | undefined;
  registry: string | undefined;
  /** Every system spec to review. */
  specs: readonly { path: string; text: string }[];
  /** The deterministic findings already reported, so the model does not repeat them. */
  findings: readonly Finding[];
  /** The review agent's turn and token limits, stated in the first message. */
  limits: PromptLimits;
}

/** The request content for the LLM consistency pass. */
export interface ReviewPrompt {
  system: PromptBlock[];
  message: string;
}

const byPath = (a: { path: string }, b: { path: string }): number =>
  a.path < b.path ? -1 : a.path > b.path ? 1 : 0;

function lineCount(text: string): number {
  const trimmed = text.replace(/\r\n?/g, "\n").replace(/\n+$/, "");
  return trimmed === "" ? 0 : trimmed.split("\n").length;
}

/** A spec's target length: its agent's `lines`, else the run's. */
function targetOf(s: ResolvedSystemSpecs, path: string): { min: number; max: number } {
  return s.agents.find((a) => a.specFile === path)?.lines ?? s.lines;
}

/** `- [warning] glossary-term docs/specs/a.md:12 — message (specs: a.md, b.md)` */
function renderFinding(f: Finding): string {
  const where = f.line === undefined ? f.file : `${f.file}:${f.line}`;
  const others = f.specs.filter((spec) => spec !== f.file);
  const specs = others.length > 0 ? ` (also: ${others.join(", ")})` : "";
  return `[${f.severity}] ${f.rule} ${where} — ${f.message}${specs}`;
}

/**
 * Builds the prompt of the LLM consistency pass. The system blocks hold the instructions,
 * the boundary brief, the feature registry and every spec sorted by path, all with line
 * numbers so the model can cite evidence by line; the last block carries a cache breakpoint
 * (the review may take several turns). The user message lists the specs with their line
 * counts and target lengths (the agent's own `lines`, else the run's), the deterministic
 * findings as a compact, sorted list, and the agent's turn and token limits.
 */
export function buildReviewPrompt(input: BuildReviewPromptInput): ReviewPrompt {
  const { prompt, systemSpecs: s } = input;
  const parts = splitPromptTemplate(prompt.text, prompt.source);
  const systemValues: PlaceholderValues<"consistencyReview", "system"> = {
    project: s.project ?? input.repoName,
    specsDir: s.specsDir,
    boundaryBrief: s.boundaryBrief,
    featureRegistry: s.featureRegistry,
    linesMin: String(s.lines.min),
    linesMax: String(s.lines.max),
  };
  const specs = [...new Map(input.specs.map((spec) => [spec.path, spec])).values()].sort(byPath);
  const texts = [
    fillTemplate(parts.system, systemValues, `${prompt.source} (system part)`),
    renderDocument({ path: s.boundaryBrief, role: "boundary brief", text: input.brief, lineNumbers: true }),
    renderDocument({
      path: s.featureRegistry,
      role: "feature registry",
      text: input.registry,
      lineNumbers: true,
    }),
    ...specs.map((spec) =>
      renderDocument({ path: spec.path, role: "spec", text: spec.text, lineNumbers: true }),
    ),
  ];
  const userValues: PlaceholderValues<"consistencyReview", "user"> = {
    specCount: String(specs.length),
    specList: renderBullets(
      specs.map((spec) => {
        const target = targetOf(s, spec.path);
        return `\`${spec.path}\` — ${lineCount(spec.text)} lines (target ${target.min}–${target.max})`;
      }),
      "No specs were found.",
    ),
    findingCount: String(input.findings.length),
    findings: renderBullets([...input.findings].sort(compareFindings).map(renderFinding), "None."),
    ...renderLimitValues(input.limits),
  };
  return {
    system: texts.map((text, i) => ({ text, cache: i === texts.length - 1 })),
    message: fillTemplate(parts.user, userValues, `${prompt.source} (user message)`),
  };
}
