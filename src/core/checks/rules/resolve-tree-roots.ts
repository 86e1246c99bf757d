import type { FileIndex } from "../../files/file-index.js";
import type { Citation } from "../types.js";

/**
 * Drops the root line of a file tree when it is a label rather than a folder: a tree drawn under
 * the repository's name (`proj/` then `├── apps/…`). When the root does not exist but most of the
 * entries under it (at least one, and at least half) exist once it is dropped, the root citation is
 * removed and the entries are re-rooted at the repository root. Other citations pass unchanged.
 */
export function resolveTreeRoots(citations: readonly Citation[], files: FileIndex): Citation[] {
  const byRoot = new Map<string, Citation[]>();
  for (const c of citations) {
    if (c.source !== "tree" || c.treeRoot === undefined || !c.path.startsWith(`${c.treeRoot}/`)) continue;
    const list = byRoot.get(c.treeRoot);
    if (list) list.push(c);
    else byRoot.set(c.treeRoot, [c]);
  }
  const dropped = new Set<string>();
  for (const [root, children] of byRoot) {
    if (files.exists(root)) continue;
    const found = children.filter((c) => files.exists(c.path.slice(root.length + 1))).length;
    if (found > 0 && found * 2 >= children.length) dropped.add(root);
  }
  if (dropped.size === 0) return [...citations];
  const out: Citation[] = [];
  for (const c of citations) {
    const root = c.source === "tree" ? c.treeRoot : undefined;
    if (root === undefined || !dropped.has(root)) out.push(c);
    else if (c.path !== root) out.push({ ...c, path: c.path.slice(root.length + 1), treeRoot: undefined });
  }
  return out;
}
