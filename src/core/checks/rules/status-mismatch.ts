import type { ResolvedAgent } from "../../config/resolve-config.js";
import {
  extractRegistry,
  type RegistryFeature,
  type RegistrySection,
} from "../../markdown/extract-registry.js";
import { extractStatuses } from "../../markdown/extract-statuses.js";
import { normaliseName } from "../../markdown/normalise-name.js";
import type { FeatureStatus } from "../../markdown/read-status.js";
import type { CheckContext, CheckRule, FindingDraft, SpecDocument } from "../types.js";
import { missingInputFinding } from "./missing-input-finding.js";

const compact = (s: string) =>
  normaliseName(s)
    .replace(/\band\b/g, "")
    .replace(/\s+/g, "");
const keyOf = (name: string) => normaliseName(name.replace(/\([^)]*\)/g, " "));

/** The registry section that lists an agent's features: by `registrySection` (number or name), else by title. */
function sectionFor(
  sections: readonly RegistrySection[],
  agent: ResolvedAgent | undefined,
  doc: SpecDocument,
): RegistrySection | undefined {
  const wanted = agent?.registrySection?.trim().replace(/\.$/, "");
  if (wanted) {
    return (
      sections.find((s) => s.number === wanted) ?? sections.find((s) => compact(s.name) === compact(wanted))
    );
  }
  const base = doc.path.slice(doc.path.lastIndexOf("/") + 1, -3);
  const names = [agent?.title, agent?.name, base].filter((n): n is string => !!n).map(compact);
  return sections.find((s) => names.includes(compact(s.name)));
}

/** Registry features by name key; names listed twice with different statuses are left out (not confident). */
function featureIndex(section: RegistrySection): Map<string, RegistryFeature> {
  const index = new Map<string, RegistryFeature>();
  const ambiguous = new Set<string>();
  for (const f of section.features) {
    if (!f.status.status) continue;
    const key = keyOf(f.name);
    const known = index.get(key);
    if (known && known.status.status !== f.status.status) ambiguous.add(key);
    else if (!known) index.set(key, f);
  }
  for (const key of ambiguous) index.delete(key);
  return index;
}

function checkDoc(doc: SpecDocument, section: RegistrySection, registry: SpecDocument): FindingDraft[] {
  const index = featureIndex(section);
  const stated = new Map<string, { statuses: Set<FeatureStatus>; line: number }>();
  for (const m of extractStatuses(doc)) {
    if (!m.feature || !m.status.status) continue;
    const key = keyOf(m.feature);
    const known = stated.get(key);
    if (known) known.statuses.add(m.status.status);
    else stated.set(key, { statuses: new Set([m.status.status]), line: m.line });
  }
  const findings: FindingDraft[] = [];
  for (const [key, { statuses, line }] of stated) {
    const feature = index.get(key);
    if (!feature?.status.status || statuses.size !== 1) continue;
    const here = [...statuses][0] as FeatureStatus;
    if (here === feature.status.status) continue;
    findings.push({
      rule: "status-mismatch",
      severity: "warning",
      file: doc.path,
      line,
      message: `Feature "${feature.name}" is ${here} here but ${feature.status.status} in the feature registry (${registry.path} line ${feature.line}, section "${section.number ? `${section.number}. ` : ""}${section.name}").`,
      subjects: [`feature:${key}`],
      specs: [doc.path, registry.path],
      fix: `Check the code, then make the spec and the registry row say the same status.`,
    });
  }
  return findings;
}

/**
 * `status-mismatch`: a feature's status in a spec differs from its status in the feature registry.
 * Features are matched by normalised name within the registry section of the spec's agent; only
 * unambiguous matches with allowed statuses on both sides are reported.
 */
export const statusMismatchRule: CheckRule = {
  id: "status-mismatch",
  description: "A feature's status in a spec differs from the feature registry.",
  run(ctx: CheckContext): FindingDraft[] {
    if (ctx.specs.length === 0) return [];
    const registry = ctx.registry;
    const file = ctx.systemSpecs.featureRegistry;
    if (!registry)
      return [missingInputFinding(file, "feature registry", ["status-mismatch", "registry-evidence"])];
    const sections = extractRegistry(registry).filter((s) => s.features.length > 0);
    if (sections.length === 0) {
      return [
        missingInputFinding(
          file,
          "feature registry",
          ["status-mismatch"],
          "has no `##` sections with feature tables (a Status column)",
        ),
      ];
    }
    return ctx.specs.flatMap((doc) => {
      const agent = ctx.systemSpecs.agents.find((a) => a.specFile === doc.path);
      const section = sectionFor(sections, agent, doc);
      return section ? checkDoc(doc, section, registry) : [];
    });
  },
};
