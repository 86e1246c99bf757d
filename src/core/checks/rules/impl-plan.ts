import type { CheckContext, CheckRule, FindingDraft, SpecDocument } from "../types.js";
import {
  chunkKey as norm,
  NO_DEPENDENCY as NONE,
  parseDependsOn,
  type KnownChunk,
} from "./impl-parse-depends-on.js";
import { parseExecutionPlan, type ExecutionPlan } from "./impl-parse-plan.js";

function overlaps(a: string, b: string): boolean {
  const x = a.replace(/\/+$/, "");
  const y = b.replace(/\/+$/, "");
  return x === y || y.startsWith(`${x}/`) || x.startsWith(`${y}/`);
}

function checkPlan(doc: SpecDocument, plan: ExecutionPlan): FindingDraft[] {
  const findings: FindingDraft[] = [];
  const add = (
    line: number,
    subject: string,
    message: string,
    fix: string,
    severity: FindingDraft["severity"] = "error",
  ) =>
    findings.push({
      rule: "impl-plan",
      severity,
      file: doc.path,
      line,
      message,
      subjects: [doc.path, subject],
      specs: [doc.path],
      fix,
    });

  if (plan.phases.length === 0) {
    add(
      plan.section.line,
      "no-phases",
      "The Execution Plan has no `### Phase N: …` sections.",
      "Split the work into phases with a chunk table each, as in the template.",
      "warning",
    );
  }
  const streams = new Set(plan.streams?.rows.map((s) => norm(s.name)) ?? []);
  const known: KnownChunk[] = plan.phases.flatMap((p) =>
    [...p.rows, ...p.details].map((c) => ({ key: norm(c.name), name: c.name, phase: p.number })),
  );
  const streamNames = plan.streams?.rows.map((s) => s.name).join(", ") ?? "";

  const checkStream = (chunk: string, stream: string, line: number) => {
    if (!plan.streams || NONE.test(stream) || streams.has(norm(stream))) return;
    add(
      line,
      `stream:${chunk}:${stream}`,
      `Chunk "${chunk}" names stream "${stream}", which is not in the Work Streams table.`,
      `Use one of the streams (${streamNames}) or add "${stream}" to the Work Streams table.`,
    );
  };
  const usesStreams = plan.phases.some((p) =>
    [...p.rows.map((r) => r.stream), ...p.details.map((d) => d.fields.get("stream") ?? "")].some(
      (s) => !NONE.test(s),
    ),
  );
  if (!plan.streams && usesStreams) {
    add(
      plan.section.line,
      "no-streams-table",
      "Chunks name work streams but the Execution Plan has no Work Streams table.",
      "Add a `### Work Streams` table (Stream | Responsibility | Owns | Skills).",
      "warning",
    );
  }

  // Streams are for team plans: a single-agent plan (no Work Streams table, no chunk naming one) needs none.
  const needsStream = plan.streams !== undefined || usesStreams;
  for (const phase of plan.phases) {
    for (const row of phase.rows) {
      const missing = [row.stream || !needsStream ? "" : "Stream", row.outcome ? "" : "Outcome"].filter(
        Boolean,
      );
      if (missing.length > 0)
        add(
          row.line,
          `row-missing:${row.name}`,
          `Chunk "${row.name}" has no ${missing.join(" or ")} in the phase table.`,
          `Fill in the ${missing.join(" and ")} column.`,
        );
      checkStream(row.name, row.stream, row.line);
      const deps = parseDependsOn(row.dependsOn, known);
      for (const n of deps.phases.filter((n) => n >= phase.number)) {
        add(
          row.line,
          `depends:${row.name}:phase ${n}`,
          `Chunk "${row.name}" depends on Phase ${n}, which is not an earlier phase than Phase ${phase.number}.`,
          "Depend only on earlier phases, or move the chunk to a later phase.",
        );
      }
      for (const n of deps.phases.filter(
        (n) => n < phase.number && !plan.phases.some((p) => p.number === n),
      )) {
        add(
          row.line,
          `depends:${row.name}:phase ${n}`,
          `Chunk "${row.name}" depends on Phase ${n}, which does not exist.`,
          "Name an existing phase.",
        );
      }
      for (const dep of deps.chunks) {
        if (norm(dep.name) === norm(row.name))
          add(
            row.line,
            `depends:${row.name}:self`,
            `Chunk "${row.name}" depends on itself.`,
            "Remove the self-dependency.",
          );
        else if (dep.phase > phase.number)
          add(
            row.line,
            `depends:${row.name}:${dep.name}`,
            `Chunk "${row.name}" depends on "${dep.name}", which is in a later phase (Phase ${dep.phase}).`,
            "Move one of the chunks so dependencies point to the same or an earlier phase.",
          );
      }
      for (const name of deps.unknown) {
        add(
          row.line,
          `depends:${row.name}:${name}`,
          `Chunk "${row.name}" depends on "${name}", which is not a chunk of this plan.`,
          `Name an existing chunk (${known
            .map((k) => k.name)
            .filter((v, i, a) => a.indexOf(v) === i)
            .join(", ")}) or an earlier phase.`,
        );
      }
    }
    for (const detail of phase.details) {
      const missing = (["outcome", "stream", "skills"] as const).filter(
        (f) => !detail.fields.get(f) && (f !== "stream" || needsStream),
      );
      if (missing.length > 0) {
        const names = missing.map((f) => f.charAt(0).toUpperCase() + f.slice(1));
        add(
          detail.line,
          `detail-missing:${detail.name}`,
          `Chunk "${detail.name}" has no ${names.join(", ")} line.`,
          `Add ${names.map((n) => `"${n}: …"`).join(", ")} under the chunk, as in the template.`,
        );
      }
      checkStream(detail.name, detail.fields.get("stream") ?? "", detail.line);
    }
  }

  const rows = plan.streams?.rows ?? [];
  rows.forEach((a, i) => {
    for (const b of rows.slice(i + 1)) {
      if (norm(a.name) === norm(b.name)) continue;
      for (const pa of a.owns) {
        for (const pb of b.owns.filter((p) => !p.includes("*") && !pa.includes("*") && overlaps(pa, p))) {
          add(
            b.line,
            `owns:${[pa, pb].sort().join("|")}`,
            `Streams "${a.name}" and "${b.name}" both own ${pa === pb ? pa : `${pa} and ${pb}`}.`,
            "Give every file and directory to exactly one stream; the other stream asks for changes via the Communication table.",
          );
        }
      }
    }
  });
  return findings;
}

/**
 * `impl-plan`: chunks use known streams, dependencies point at existing chunks or earlier phases, stream
 * ownership is exclusive, every chunk has Outcome and Skills (and a Stream when the plan uses streams:
 * a Work Streams table, or a chunk naming one).
 */
export const implPlanRule: CheckRule = {
  id: "impl-plan",
  description:
    "Execution Plan: streams exist, Depends On names existing chunks or earlier phases, no shared ownership, chunks have Outcome/Stream/Skills.",
  run: (ctx: CheckContext) =>
    ctx.implSpecs.flatMap((doc) => {
      const plan = parseExecutionPlan(doc);
      return plan ? checkPlan(doc, plan) : [];
    }),
};
