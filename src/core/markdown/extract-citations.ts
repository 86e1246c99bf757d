import type { Nodes, Paragraph, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import type { Citation, SpecDocument } from "../checks/types.js";
import { codeStartLine } from "./code-start-line.js";
import { isExemptContext, isNeverInGit } from "./detect-exemption.js";
import { extractFileTree, isFileTreeBlock } from "./extract-file-tree.js";
import { createHeadingLocator } from "./locate-heading.js";
import { parsePathToken } from "./parse-path-token.js";
import { resolveLinkPath } from "./resolve-link-path.js";

const cache = new WeakMap<SpecDocument, Citation[]>();

interface Walk {
  doc: SpecDocument;
  out: Citation[];
  seen: Set<string>;
  locate: ReturnType<typeof createHeadingLocator>;
  /** Exemption verdicts per line (several citations often share a line). */
  exemptLines: Map<number, boolean>;
}

function lineExempt(w: Walk, line: number): boolean {
  let verdict = w.exemptLines.get(line);
  if (verdict === undefined) {
    verdict = isExemptContext(w.doc.lines[line - 1] ?? "");
    w.exemptLines.set(line, verdict);
  }
  return verdict;
}

function add(w: Walk, c: Omit<Citation, "section" | "exempt"> & { exempt?: boolean }): void {
  const anchorKey = !c.anchor
    ? ""
    : c.anchor.kind === "identifier"
      ? c.anchor.name
      : `${c.anchor.start}-${c.anchor.end}`;
  const key = `${c.path}\u0000${c.line}\u0000${anchorKey}`;
  if (w.seen.has(key)) return;
  w.seen.add(key);
  const heading = w.locate(c.line);
  const exempt =
    (c.exempt ?? false) ||
    isNeverInGit(c.path) ||
    heading.exempt ||
    (c.source !== "tree" && lineExempt(w, c.line));
  const citation: Citation = {
    path: c.path,
    isDirectory: c.isDirectory,
    line: c.line,
    source: c.source,
    exempt,
    section: heading.section,
  };
  if (c.anchor) citation.anchor = c.anchor;
  w.out.push(citation);
}

function addTree(w: Walk, node: Extract<Nodes, { type: "code" }>, previous: RootContent | undefined): void {
  const intro = previous?.type === "paragraph" ? toString(previous as Paragraph) : "";
  const blockExempt = intro !== "" && isExemptContext(intro);
  for (const entry of extractFileTree(node.value, codeStartLine(node, w.doc.lines))) {
    add(w, {
      path: entry.path,
      isDirectory: entry.isDirectory,
      line: entry.line,
      source: "tree",
      exempt: entry.exempt || blockExempt,
    });
  }
}

function addTextTokens(w: Walk, value: string, startLine: number, inTable: boolean): void {
  if (!value.includes("/")) return;
  let line = startLine;
  for (const part of value.split(/(\s+)/)) {
    if (/^\s+$/.test(part)) {
      line += part.split("\n").length - 1;
      continue;
    }
    if (!part.includes("/")) continue;
    const token = part.replace(/^[("'[<]+/, "").replace(/[)"'\]>,;:.!?]+$/, "");
    const parsed = parsePathToken(token, "text");
    if (parsed) add(w, { ...parsed, line, source: inTable ? "table" : "text" });
  }
}

function walk(w: Walk, node: Nodes, inTable: boolean, previous: RootContent | undefined): void {
  const line = node.position?.start.line ?? 1;
  switch (node.type) {
    case "code":
      if (isFileTreeBlock(node.value, node.lang)) addTree(w, node, previous);
      return;
    case "html":
    case "yaml":
      return;
    case "inlineCode": {
      const parsed = parsePathToken(node.value, "code");
      if (parsed) add(w, { ...parsed, line, source: inTable ? "table" : "code" });
      return;
    }
    case "text":
      addTextTokens(w, node.value, line, inTable);
      return;
    case "link":
    case "definition": {
      const target = resolveLinkPath(w.doc.path, node.url);
      const parsed = target === undefined ? undefined : parsePathToken(target, "code");
      if (parsed) add(w, { ...parsed, line, source: "link" });
      break;
    }
  }
  if ("children" in node) {
    const nextInTable = inTable || node.type === "table";
    let prev: RootContent | undefined;
    for (const child of node.children as RootContent[]) {
      walk(w, child, nextInTable, prev);
      prev = child;
    }
  }
}

/**
 * Every repository path a spec cites: inline code paths, file-tree entries (full paths rebuilt from
 * indentation), paths in table cells and prose, and markdown links to repository files (resolved
 * against the spec's folder). `path:identifier` / `path:12-40` anchors are split off. Citations the
 * spec itself marks as not in git, generated, planned or an example get `exempt: true`.
 *
 * Works on system specs, implementation specs (Reference Files lists) and the feature registry.
 * Results are cached per document; do not mutate the returned array's elements.
 */
export function extractCitations(doc: SpecDocument): Citation[] {
  const cached = cache.get(doc);
  if (cached) return [...cached];
  const w: Walk = {
    doc,
    out: [],
    seen: new Set(),
    locate: createHeadingLocator(doc.tree),
    exemptLines: new Map(),
  };
  walk(w, doc.tree, false, undefined);
  w.out.sort((a, b) => a.line - b.line);
  cache.set(doc, w.out);
  return [...w.out];
}
