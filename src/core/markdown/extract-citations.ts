import type { Nodes, Paragraph, RootContent, Table } from "mdast";
import { toString } from "mdast-util-to-string";
import type { Citation, SpecDocument } from "../checks/types.js";
import { codeStartLine } from "./code-start-line.js";
import { isExemptAt, isExemptIntro, isExemptNote, isNeverInGit } from "./detect-exemption.js";
import { extractFileTree, isFileTreeBlock } from "./extract-file-tree.js";
import { createHeadingLocator } from "./locate-heading.js";
import { parsePathToken } from "./parse-path-token.js";
import { readStatus } from "./read-status.js";
import { resolveLinkPath } from "./resolve-link-path.js";

const cache = new WeakMap<SpecDocument, Citation[]>();

/** Table columns whose text is a note about the row (read for "not in git", "generated", …). */
const NOTE_COLUMNS = new Set(["notes", "note", "comment", "comments", "remarks", "description", "details"]);

interface Walk {
  doc: SpecDocument;
  out: Citation[];
  seen: Set<string>;
  locate: ReturnType<typeof createHeadingLocator>;
}

/** Where a node sits: the text its exemption is judged in, and what its table row says. */
interface Scope {
  inTable: boolean;
  /** Source offsets of the paragraph, list item or table cell around the node. */
  block: { start: number; end: number } | undefined;
  /** The node's table row is Planned or has a note saying its paths are not in git. */
  rowExempt: boolean;
}

type Draft = Omit<Citation, "section" | "exempt"> & { exempt?: boolean; start?: number; end?: number };

function add(w: Walk, scope: Scope, c: Draft): void {
  const anchorKey = !c.anchor
    ? ""
    : c.anchor.kind === "identifier"
      ? c.anchor.name
      : `${c.anchor.start}-${c.anchor.end}`;
  const key = `${c.path}\u0000${c.line}\u0000${anchorKey}`;
  if (w.seen.has(key)) return;
  w.seen.add(key);
  const heading = w.locate(c.line);
  const block = scope.block;
  const exempt =
    (c.exempt ?? false) ||
    isNeverInGit(c.path) ||
    heading.exempt ||
    scope.rowExempt ||
    (block !== undefined &&
      c.start !== undefined &&
      c.end !== undefined &&
      isExemptAt(w.doc.text, c.start, c.end, block.start, block.end));
  const citation: Citation = {
    path: c.path,
    isDirectory: c.isDirectory,
    line: c.line,
    source: c.source,
    exempt,
    section: heading.section,
  };
  if (c.anchor) citation.anchor = c.anchor;
  if (c.treeRoot !== undefined) citation.treeRoot = c.treeRoot;
  w.out.push(citation);
}

function addTree(
  w: Walk,
  scope: Scope,
  node: Extract<Nodes, { type: "code" }>,
  previous: RootContent | undefined,
): void {
  const intro = previous?.type === "paragraph" ? toString(previous as Paragraph) : "";
  const blockExempt = isExemptIntro(intro);
  for (const entry of extractFileTree(node.value, codeStartLine(node, w.doc.lines))) {
    const draft: Draft = {
      path: entry.path,
      isDirectory: entry.isDirectory,
      line: entry.line,
      source: "tree",
      exempt: entry.exempt || blockExempt,
    };
    if (entry.root !== undefined) draft.treeRoot = entry.root;
    add(w, { ...scope, block: undefined }, draft);
  }
}

const LEADING = /^[("'[<]+/;
const TRAILING_CHARS = new Set([")", '"', "'", "]", ">", ",", ";", ":", ".", "!", "?"]);

function addTextTokens(w: Walk, scope: Scope, node: Extract<Nodes, { type: "text" }>): void {
  const value = node.value;
  if (!value.includes("/")) return;
  let line = node.position?.start.line ?? 1;
  const base = node.position?.start.offset;
  let at = 0;
  for (const part of value.split(/(\s+)/)) {
    const partStart = at;
    at += part.length;
    if (part === "" || /^\s/.test(part)) {
      for (let i = part.indexOf("\n"); i !== -1; i = part.indexOf("\n", i + 1)) line += 1;
      continue;
    }
    if (!part.includes("/")) continue;
    let end = part.length;
    while (end > 0 && TRAILING_CHARS.has(part[end - 1] as string)) end--;
    const lead = LEADING.exec(part)?.[0].length ?? 0;
    const token = part.slice(lead, Math.max(lead, end));
    const parsed = parsePathToken(token, "text");
    if (!parsed) continue;
    const start = base === undefined ? undefined : base + partStart + lead;
    const draft: Draft = { ...parsed, line, source: scope.inTable ? "table" : "text" };
    if (start !== undefined) {
      draft.start = start;
      draft.end = start + token.length;
    }
    add(w, scope, draft);
  }
}

/** The source range of a list item's own text: up to its first nested list. */
function itemRange(node: Extract<Nodes, { type: "listItem" }>): { start: number; end: number } | undefined {
  const start = node.position?.start.offset;
  if (start === undefined) return undefined;
  const nested = node.children.find((c) => c.type === "list");
  const end = nested?.position?.start.offset ?? node.position?.end.offset;
  return end === undefined ? undefined : { start, end };
}

function rangeOf(node: Nodes): { start: number; end: number } | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : { start, end };
}

/** Per body row of a table: whether its Status says Planned or a note column marks its paths exempt. */
function rowVerdicts(table: Table): boolean[] {
  const [head, ...body] = table.children;
  const header = head ? head.children.map((c) => toString(c).trim().toLowerCase()) : [];
  const status = header.indexOf("status");
  const notes = header.flatMap((h, i) => (NOTE_COLUMNS.has(h) ? [i] : []));
  if (status < 0 && notes.length === 0) return body.map(() => false);
  return body.map((row) => {
    const cell = (i: number) => (row.children[i] ? toString(row.children[i]) : "");
    if (status > 0 && readStatus(cell(status)).status === "Planned") return true;
    return notes.some((i) => isExemptNote(cell(i)));
  });
}

function walk(w: Walk, node: Nodes, scope: Scope, previous: RootContent | undefined): void {
  const line = node.position?.start.line ?? 1;
  switch (node.type) {
    case "code":
      if (isFileTreeBlock(node.value, node.lang)) addTree(w, scope, node, previous);
      return;
    case "html":
    case "yaml":
      return;
    case "inlineCode": {
      const parsed = parsePathToken(node.value, "code");
      if (parsed) {
        const range = rangeOf(node);
        add(w, scope, { ...parsed, ...range, line, source: scope.inTable ? "table" : "code" });
      }
      return;
    }
    case "text":
      addTextTokens(w, scope, node);
      return;
    case "link":
    case "definition": {
      const target = resolveLinkPath(w.doc.path, node.url);
      const parsed = target === undefined ? undefined : parsePathToken(target, "code");
      if (parsed) add(w, scope, { ...parsed, ...rangeOf(node), line, source: "link" });
      break;
    }
  }
  if (!("children" in node)) return;
  if (node.type === "table") {
    const verdicts = rowVerdicts(node);
    node.children.forEach((row, i) => {
      const rowScope: Scope = {
        inTable: true,
        block: undefined,
        rowExempt: i > 0 && (verdicts[i - 1] ?? false),
      };
      for (const cell of row.children) walk(w, cell, { ...rowScope, block: rangeOf(cell) }, undefined);
    });
    return;
  }
  let inner = scope;
  if (node.type === "listItem") inner = { ...scope, block: itemRange(node) };
  else if ((node.type === "paragraph" || node.type === "heading") && scope.block === undefined)
    inner = { ...scope, block: rangeOf(node) };
  else if (node.type === "list" || node.type === "blockquote" || node.type === "root")
    inner = { ...scope, block: undefined };
  let prev: RootContent | undefined;
  for (const child of node.children as RootContent[]) {
    walk(w, child, inner, prev);
    prev = child;
  }
}

/**
 * Every repository path a spec cites: inline code paths, file-tree entries (full paths rebuilt from
 * indentation, with the tree's root line), paths in table cells and prose, and markdown links to
 * repository files (resolved against the spec's folder). `path:identifier` / `path:12-40` anchors are
 * split off. Citations the spec itself marks as not in git, generated, planned or an example get
 * `exempt: true`: the phrase must be attached to the path (its sentence or parenthesis in the paragraph
 * or list item, its tree-line note, its table row's Status `Planned` or Notes cell), or the path sits
 * under a heading starting with Example(s) / Planned / Future / Roadmap (never the document title).
 *
 * Works on system specs, implementation specs (Reference Files lists) and the feature registry.
 * Results are cached per document; do not mutate the returned array's elements.
 */
export function extractCitations(doc: SpecDocument): Citation[] {
  const cached = cache.get(doc);
  if (cached) return [...cached];
  const w: Walk = { doc, out: [], seen: new Set(), locate: createHeadingLocator(doc.tree) };
  walk(w, doc.tree, { inTable: false, block: undefined, rowExempt: false }, undefined);
  w.out.sort((a, b) => a.line - b.line);
  cache.set(doc, w.out);
  return [...w.out];
}
