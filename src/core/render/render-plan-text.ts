import type { Plan } from "../plan/plan-types.js";

const fmt = (n: number) => n.toLocaleString("en-US");

/** The human-readable plan printed by `specwright plan`. */
export function renderPlanText(plan: Plan, meta: { sha: string; label: string }): string {
  const lines: string[] = [];
  const total = plan.agents.reduce((sum, a) => sum + a.estimatedInputTokens, 0);
  lines.push(
    `Plan for ${meta.label}: ${plan.agents.length} agent${plan.agents.length === 1 ? "" : "s"} in ${plan.phases.length} phase${plan.phases.length === 1 ? "" : "s"}, ~${fmt(total)} input tokens (estimate)`,
  );
  for (const phase of plan.phases) {
    lines.push("", `Phase ${phase.phase}`);
    for (const agent of plan.agents.filter((a) => a.phase === phase.phase)) {
      lines.push(`  ${agent.name} — ${agent.title}`);
      lines.push(`    writes      ${agent.specFile}`);
      lines.push(`    depends on  ${agent.dependsOn.length ? agent.dependsOn.join(", ") : "—"}`);
      lines.push(`    context     ${agent.context.join(", ") || "—"}`);
      lines.push(`    reads       ${agent.reads.join(", ") || "—"}`);
      if (agent.registrySection) lines.push(`    registry    section ${agent.registrySection}`);
      lines.push(`    key files   ${agent.keyFiles.length === 0 ? "—" : ""}`.trimEnd());
      for (const k of agent.keyFiles) {
        const mark = k.exists ? "✓" : "✗";
        const count = !k.exists
          ? "  (missing)"
          : k.files > 1 || k.path.endsWith("/")
            ? `  (${k.files} files)`
            : "";
        lines.push(`      ${mark} ${k.path}${count}${k.note ? `  — ${k.note}` : ""}`);
      }
      lines.push(`    input       ~${fmt(agent.estimatedInputTokens)} tokens`);
    }
  }
  if (plan.problems.length > 0) {
    lines.push("", `Problems (${plan.problems.length}):`);
    for (const p of plan.problems) {
      lines.push(`  ${p.severity.padEnd(7)} ${p.kind.padEnd(20)} ${p.message}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
