import type { Nodes } from "mdast";

/**
 * The depth of an mdast tree (the root alone is 0), measured without recursion so a
 * pathologically nested tree cannot overflow the call stack. Stops early and returns
 * `stopAt + 1` once the depth exceeds `stopAt`.
 */
export function measureTreeDepth(tree: Nodes, stopAt = Number.POSITIVE_INFINITY): number {
  let max = 0;
  const nodes: Nodes[] = [tree];
  const depths: number[] = [0];
  while (nodes.length > 0) {
    const node = nodes.pop() as Nodes;
    const depth = depths.pop() as number;
    if (depth > max) {
      max = depth;
      if (max > stopAt) return stopAt + 1;
    }
    if ("children" in node) {
      for (const child of node.children as Nodes[]) {
        nodes.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return max;
}
