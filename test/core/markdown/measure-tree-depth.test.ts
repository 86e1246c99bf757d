import type { Blockquote, Nodes, Root } from "mdast";
import { describe, expect, it } from "vitest";
import { measureTreeDepth } from "../../../src/core/markdown/measure-tree-depth.js";
import { parseMarkdown } from "../../../src/core/markdown/parse-markdown.js";

/** A tree of `levels` nested block quotes, built without the parser. */
function nestedQuotes(levels: number): Root {
  let node: Nodes = { type: "text", value: "deep" };
  node = { type: "paragraph", children: [node] };
  for (let i = 0; i < levels; i++) node = { type: "blockquote", children: [node] } as Blockquote;
  return { type: "root", children: [node as Blockquote] };
}

describe("measureTreeDepth", () => {
  it.each([
    ["a heading", "# A\n", 2],
    ["a nested list", "- a\n  - b\n", 6],
    ["a quoted paragraph", "> x\n", 3],
  ])("measures %s", (_name, text, depth) => {
    expect(measureTreeDepth(parseMarkdown(text))).toBe(depth);
  });

  it("measures a tree far deeper than the call stack allows, and stops early when asked", () => {
    const tree = nestedQuotes(100_000);
    expect(measureTreeDepth(tree)).toBe(100_002);
    expect(measureTreeDepth(tree, 200)).toBe(201);
  });
});
