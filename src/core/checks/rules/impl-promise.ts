import type { Nodes } from "mdast";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";
import type { CheckContext, CheckRule, FindingDraft, SpecDocument } from "../types.js";
import { findImplSection } from "./impl-find-section.js";

/** A `<promise>…</promise>` found in a spec. */
interface PromiseTag {
  value: string;
  line: number;
}

const PROMISE_RE = /<promise>([\s\S]*?)<\/promise>/gi;
const PLACEHOLDER = /^\[.*\]$|UNIQUE_COMPLETION_STRING/;

/** Text of a block with code spans blanked out, so a `<promise>` quoted in code is not taken for the real one. */
function blockText(node: Nodes): string {
  if (node.type === "inlineCode") return " ";
  if (node.type === "text") return node.value;
  // A promise inside an HTML comment (`<!-- old: <promise>…</promise> -->`) is not the promise.
  if (node.type === "html") return node.value.replace(/<!--[\s\S]*?(?:-->|$)/g, " ");
  if ("children" in node) return (node.children as Nodes[]).map(blockText).join("");
  return toString(node);
}

const cache = new WeakMap<SpecDocument, PromiseTag[]>();

/** Every completion promise in the document, outside code blocks, code spans and HTML comments. */
export function findPromises(doc: SpecDocument): PromiseTag[] {
  const cached = cache.get(doc);
  if (cached) return cached;
  const tags: PromiseTag[] = [];
  visit(doc.tree, (node) => {
    if (
      node.type !== "paragraph" &&
      node.type !== "html" &&
      node.type !== "heading" &&
      node.type !== "tableCell"
    )
      return;
    const line = node.position?.start.line ?? 1;
    for (const m of blockText(node as Nodes).matchAll(PROMISE_RE))
      tags.push({ value: (m[1] ?? "").trim(), line });
    return "skip";
  });
  cache.set(doc, tags);
  return tags;
}

function checkSpec(
  doc: SpecDocument,
  owners: ReadonlyMap<string, string[]>,
  checked: ReadonlySet<string>,
): FindingDraft[] {
  const base = { rule: "impl-promise" as const, file: doc.path, specs: [doc.path] };
  const tags = findPromises(doc);
  const section = findImplSection(doc, "Completion Promise");
  if (tags.length === 0) {
    return [
      {
        ...base,
        severity: "error",
        line: section?.line ?? 1,
        message: "No completion promise (`<promise>…</promise>`) found.",
        subjects: [doc.path, "promise:missing"],
        fix: "Add `<promise>NAME_COMPLETE</promise>` under `## Completion Promise`, with a name unique in this repository.",
      },
    ];
  }
  const findings: FindingDraft[] = [];
  const distinct = [...new Set(tags.map((t) => t.value))];
  if (distinct.length > 1) {
    findings.push({
      ...base,
      severity: "warning",
      line: tags[1]?.line,
      message: `The spec has ${distinct.length} different completion promises (${distinct.join(", ")}); the loop watches for one.`,
      subjects: [doc.path, "promise:several"],
      fix: "Keep a single `<promise>` under `## Completion Promise`.",
    });
  }
  for (const tag of tags.filter((t, i) => tags.findIndex((u) => u.value === t.value) === i)) {
    if (tag.value === "" || PLACEHOLDER.test(tag.value)) {
      findings.push({
        ...base,
        severity: "error",
        line: tag.line,
        message: `The completion promise is ${tag.value === "" ? "empty" : `still the template placeholder ("${tag.value}")`}.`,
        subjects: [doc.path, "promise:placeholder"],
        fix: "Write a descriptive unique string, e.g. `<promise>BILLING_EXPORT_COMPLETE</promise>`.",
      });
      continue;
    }
    const holders = owners.get(tag.value) ?? [];
    const firstChecked = holders.find((p) => checked.has(p));
    if (holders.length > 1 && firstChecked === doc.path) {
      const others = holders.filter((p) => p !== doc.path);
      findings.push({
        ...base,
        severity: "error",
        line: tag.line,
        message: `Completion promise "${tag.value}" is also used by ${others.join(", ")}.`,
        subjects: [`promise:${tag.value}`, ...holders],
        specs: holders,
        fix: "Give each implementation spec its own completion promise, so finishing one cannot stop the loop of another.",
      });
    }
  }
  return findings;
}

/** `impl-promise`: each implementation spec has a `<promise>`, and no two specs in the repository share one. */
export const implPromiseRule: CheckRule = {
  id: "impl-promise",
  description:
    "Implementation specs have a `<promise>…</promise>` that is unique across the repository's implementation specs.",
  run(ctx: CheckContext) {
    const all = new Map<string, SpecDocument>();
    for (const doc of [...ctx.allImplSpecs, ...ctx.implSpecs]) if (!all.has(doc.path)) all.set(doc.path, doc);
    const owners = new Map<string, string[]>();
    for (const doc of [...all.values()].sort((a, b) => (a.path < b.path ? -1 : 1))) {
      for (const value of new Set(findPromises(doc).map((t) => t.value))) {
        owners.set(value, [...(owners.get(value) ?? []), doc.path]);
      }
    }
    const checked = new Set(ctx.implSpecs.map((d) => d.path));
    return ctx.implSpecs.flatMap((doc) => checkSpec(doc, owners, checked));
  },
};
