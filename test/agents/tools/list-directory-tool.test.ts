import { describe, expect, it } from "vitest";
import { createListDirectoryTool } from "../../../src/agents/tools/list-directory-tool.js";
import { createMemorySnapshot } from "../../helpers/memory-snapshot.js";

const snapshot = createMemorySnapshot({
  "README.md": "# Widgets\n",
  "package.json": "{}\n",
  "src/app.ts": "x".repeat(1536),
  "src/gateway/server.ts": "export {};\n",
  "src/gateway/routes/sessions.ts": "export {};\n",
  "docs/specs/template.md": "# Template\n",
});
const tool = createListDirectoryTool(snapshot, () => snapshot.listFiles());

describe("list_directory", () => {
  it("lists the root two levels deep by default, directories first, with sizes", async () => {
    const out = await tool.run({});
    expect(out).toEqual({
      isError: false,
      content: [
        "Directory: . (6 files, 1.5 KB; depth 2)",
        "docs/  (1 file, 11 B)",
        "  specs/  (1 file, 11 B)",
        "src/  (3 files, 1.5 KB)",
        "  gateway/  (2 files, 22 B)",
        "  app.ts  1.5 KB",
        "README.md  10 B",
        "package.json  3 B",
      ].join("\n"),
    });
  });

  it("lists a subdirectory at the requested depth", async () => {
    const out = await tool.run({ path: "src/gateway/", depth: 1 });
    expect(out.content).toBe(
      "Directory: src/gateway (2 files, 22 B; depth 1)\nroutes/  (1 file, 11 B)\nserver.ts  11 B",
    );
  });

  it("cuts long listings with a note", async () => {
    const many = createMemorySnapshot(
      Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`gen/f${String(i).padStart(2, "0")}.ts`, ""])),
    );
    const out = await createListDirectoryTool(many, () => many.listFiles(), 10).run({ path: "gen" });
    const lines = out.content.split("\n");
    expect(lines).toHaveLength(12);
    expect(lines[10]).toBe("f09.ts  0 B");
    expect(lines[11]).toBe(
      "[Truncated at 10 entries: list a subdirectory or lower the depth to see the rest.]",
    );
  });

  it.each([
    [{ path: "../outside" }, /^refused: path leaves the repository/],
    [{ path: "/" }, /^refused: path leaves the repository/],
    [{ path: "lib" }, /^No directory "lib" at this commit\.$/],
    [{ path: "README.md" }, /^"README.md" is a file, not a directory; use read_file\.$/],
    [
      { path: "src", depth: 9 },
      /^Invalid input for list_directory:\n- depth: Too small|^Invalid input for list_directory:\n- depth: Too big/,
    ],
  ])("answers %j with an error result", async (input, message) => {
    const out = await tool.run(input);
    expect(out.isError).toBe(true);
    expect(out.content).toMatch(message);
  });
});
