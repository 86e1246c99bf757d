import { describe, expect, it } from "vitest";
import { extractFileTree, isFileTreeBlock } from "../../../src/core/markdown/extract-file-tree.js";

const pick = (value: string) =>
  extractFileTree(value, 10).map((e) => ({
    path: e.path,
    dir: e.isDirectory,
    line: e.line,
    exempt: e.exempt,
  }));

describe("extractFileTree", () => {
  it("rebuilds nested paths under a root line and strips notes", () => {
    const tree = [
      "apps/gateway/src/",
      "├── hub/",
      "│   ├── hub-manager.ts        # creates one hub per session",
      "│   ├── capabilities/",
      "│   │   └── tools/            — tool handlers",
      "│   └── session-hub.ts",
      "├── lib/",
      "│   └── session-store.ts (in-memory)",
      "└── index.ts",
    ].join("\n");
    expect(pick(tree)).toEqual([
      { path: "apps/gateway/src", dir: true, line: 10, exempt: false },
      { path: "apps/gateway/src/hub", dir: true, line: 11, exempt: false },
      { path: "apps/gateway/src/hub/hub-manager.ts", dir: false, line: 12, exempt: false },
      { path: "apps/gateway/src/hub/capabilities", dir: true, line: 13, exempt: false },
      { path: "apps/gateway/src/hub/capabilities/tools", dir: true, line: 14, exempt: false },
      { path: "apps/gateway/src/hub/session-hub.ts", dir: false, line: 15, exempt: false },
      { path: "apps/gateway/src/lib", dir: true, line: 16, exempt: false },
      { path: "apps/gateway/src/lib/session-store.ts", dir: false, line: 17, exempt: false },
      { path: "apps/gateway/src/index.ts", dir: false, line: 18, exempt: false },
    ]);
  });

  it("handles trees without a root, ASCII branches, and several roots", () => {
    const tree = [
      "packages/db/",
      "|-- schema.ts",
      "`-- migrations/",
      "    `-- 0001_init.sql",
      "packages/ui/",
      "`-- button.tsx",
    ].join("\n");
    expect(pick(tree).map((e) => e.path)).toEqual([
      "packages/db",
      "packages/db/schema.ts",
      "packages/db/migrations",
      "packages/db/migrations/0001_init.sql",
      "packages/ui",
      "packages/ui/button.tsx",
    ]);
    expect(pick("├── README.md\n└── src/\n    └── main.ts").map((e) => e.path)).toEqual([
      "README.md",
      "src",
      "src/main.ts",
    ]);
  });

  it("marks generated / not-in-git entries and everything under them as exempt", () => {
    const tree = [
      "./",
      "├── dist/          # generated, not in git",
      "│   └── index.js",
      "└── src/",
      "    └── index.ts",
    ].join("\n");
    expect(pick(tree).map((e) => [e.path, e.exempt])).toEqual([
      ["dist", true],
      ["dist/index.js", true],
      ["src", false],
      ["src/index.ts", false],
    ]);
  });

  it("reads names written as code or in bold", () => {
    const tree = ["`src/`", "├── **api/**", "│   └── `routes.ts`   # HTTP routes", "└── __init__.py"].join(
      "\n",
    );
    expect(extractFileTree(tree, 1).map((e) => [e.path, e.root])).toEqual([
      ["src", "src"],
      ["src/api", "src"],
      ["src/api/routes.ts", "src"],
      ["src/__init__.py", "src"],
    ]);
  });

  it.each([
    ["a label with the path in parentheses", "Gateway (apps/gateway/src)"],
    ["a label of several words", "Gateway service (apps/gateway/src/)"],
  ])("uses the path of %s as the root", (_name, root) => {
    const tree = [root, "├── hub/", "│   └── session-hub.ts", "└── index.ts"].join("\n");
    expect(extractFileTree(tree, 1).map((e) => [e.path, e.root])).toEqual([
      ["apps/gateway/src", "apps/gateway/src"],
      ["apps/gateway/src/hub", "apps/gateway/src"],
      ["apps/gateway/src/hub/session-hub.ts", "apps/gateway/src"],
      ["apps/gateway/src/index.ts", "apps/gateway/src"],
    ]);
  });

  it("records the root line every entry sits under, so a repository-name root can be dropped", () => {
    const tree = ["proj/", "├── apps/", "│   └── web/", "└── package.json", "other/", "└── x.ts"].join("\n");
    expect(extractFileTree(tree, 1).map((e) => [e.path, e.root])).toEqual([
      ["proj", "proj"],
      ["proj/apps", "proj"],
      ["proj/apps/web", "proj"],
      ["proj/package.json", "proj"],
      ["other", "other"],
      ["other/x.ts", "other"],
    ]);
    expect(extractFileTree("├── a.ts\n└── b/\n    └── c.ts", 1).map((e) => e.root)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("skips globs, ellipses and comment lines but keeps nesting", () => {
    const tree = [
      "src/",
      "├── *.test.ts",
      "├── ...",
      "│   # helpers below",
      "└── util/",
      "    └── strings.ts",
    ].join("\n");
    expect(pick(tree).map((e) => e.path)).toEqual(["src", "src/util", "src/util/strings.ts"]);
  });
});

describe("isFileTreeBlock", () => {
  it.each([
    ["├── a.ts", null, true],
    ["|-- a.ts", "text", true],
    ["src/\n  index.ts\n  util/\n    x.ts", null, true],
    ["src/\n  index.ts", "ts", false],
    ["npm install\nnpm test", null, false],
    ["const a = 1;\nconst b = 2;", "ts", false],
    ["", null, false],
  ])("%j (lang %s) → %s", (value, lang, expected) => {
    expect(isFileTreeBlock(value, lang)).toBe(expected);
  });
});
