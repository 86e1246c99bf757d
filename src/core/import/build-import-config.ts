import { DEFAULT_SYSTEM_RULES, type ConfigInput } from "../config/config-schema.js";
import type { OutOfScopeItem, PathWithNote } from "./import-types.js";

/** One agent as imported, before defaults are left out. */
export interface ImportedAgent {
  name: string;
  title: string;
  phase: number | undefined;
  specFile: string | undefined;
  registrySection: number | string | undefined;
  inScope: string[];
  outOfScope: OutOfScopeItem[];
  keyFiles: PathWithNote[];
  reads: string[];
  rules: string[];
  /** The agent's own target length, when it differs from the shared one. */
  lines?: { min: number; max: number } | undefined;
}

/** The shared system-spec settings as imported. */
export interface ImportedSettings {
  project: string | undefined;
  specsDir: string | undefined;
  boundaryBrief: string | undefined;
  template: string | undefined;
  featureRegistry: string | undefined;
  lines: { min: number; max: number } | undefined;
  rules: string[];
  reviewOutput: string | undefined;
}

type SystemSpecsInput = NonNullable<ConfigInput["systemSpecs"]>;
type AgentInput = NonNullable<SystemSpecsInput["agents"]>[number];

const DEFAULT_SPECS_DIR = "docs/specs";
const normaliseRule = (rule: string) =>
  rule
    .toLowerCase()
    .replace(/behaviour/g, "behavior")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

const sameRules = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((rule, i) => normaliseRule(rule) === normaliseRule(b[i] ?? ""));

function buildAgent(agent: ImportedAgent, specsDir: string): AgentInput {
  const out: AgentInput = { name: agent.name, title: agent.title };
  if (agent.phase !== undefined) out.phase = agent.phase;
  if (agent.specFile !== undefined && agent.specFile !== `${specsDir}/${agent.name}.md`)
    out.specFile = agent.specFile;
  if (agent.registrySection !== undefined) out.registrySection = agent.registrySection;
  if (agent.inScope.length > 0) out.inScope = agent.inScope;
  if (agent.outOfScope.length > 0) out.outOfScope = agent.outOfScope;
  if (agent.keyFiles.length > 0)
    out.keyFiles = agent.keyFiles.map((k) => (k.note ? { path: k.path, note: k.note } : k.path));
  if (agent.reads.length > 0) out.reads = agent.reads;
  if (agent.lines) out.lines = agent.lines;
  if (agent.rules.length > 0) out.rules = agent.rules;
  return out;
}

/**
 * Turns imported settings and agents into a config, leaving out every value that equals
 * Specwright's default so the YAML stays short. Loading the result gives back the same values.
 */
export function buildImportConfig(settings: ImportedSettings, agents: readonly ImportedAgent[]): ConfigInput {
  const specsDir = settings.specsDir ?? DEFAULT_SPECS_DIR;
  const s: SystemSpecsInput = {};
  if (settings.project !== undefined) s.project = settings.project;
  if (specsDir !== DEFAULT_SPECS_DIR) s.specsDir = specsDir;
  const defaults = {
    boundaryBrief: "boundary-brief.md",
    template: "template.md",
    featureRegistry: "feature-registry.md",
  };
  for (const key of ["boundaryBrief", "template", "featureRegistry"] as const) {
    const value = settings[key];
    if (value !== undefined && value !== `${specsDir}/${defaults[key]}`) s[key] = value;
  }
  if (settings.lines && (settings.lines.min !== 300 || settings.lines.max !== 600)) s.lines = settings.lines;
  if (settings.rules.length > 0 && !sameRules(settings.rules, DEFAULT_SYSTEM_RULES)) s.rules = settings.rules;
  s.agents = agents.map((a) => buildAgent(a, specsDir));
  if (settings.reviewOutput !== undefined && settings.reviewOutput !== `${specsDir}/consistency-review.md`) {
    s.review = { output: settings.reviewOutput };
  }
  return { systemSpecs: s };
}
