import type { Plan } from "../plan/plan-types.js";

/**
 * The stable JSON form of a plan (`specwright plan --format json`). Keys are documented in
 * the README; add keys, never rename or remove them.
 */
export function renderPlanJson(plan: Plan, meta: { sha: string; label: string }): string {
  const body = {
    commit: meta.sha,
    repository: meta.label,
    phases: plan.phases.map((p) => ({ phase: p.phase, agents: [...p.agents] })),
    agents: plan.agents.map((a) => ({
      name: a.name,
      title: a.title,
      phase: a.phase,
      specFile: a.specFile,
      dependsOn: [...a.dependsOn],
      reads: [...a.reads],
      context: [...a.context],
      registrySection: a.registrySection ?? null,
      keyFiles: a.keyFiles.map((k) => ({
        path: k.path,
        note: k.note ?? null,
        exists: k.exists,
        files: k.files,
      })),
      estimatedInputTokens: a.estimatedInputTokens,
    })),
    problems: plan.problems.map((p) => ({
      kind: p.kind,
      severity: p.severity,
      message: p.message,
      agent: p.agent ?? null,
      path: p.path ?? null,
    })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
