import { describe, expect, it } from "vitest";
import { createReadFileTool } from "../../../src/agents/tools/read-file-tool.js";
import type { RepoSnapshot } from "../../../src/ports/repo-snapshot.js";
import { createMemorySnapshot } from "../../helpers/memory-snapshot.js";

const server = [
  "import { createServer } from 'node:http';",
  "",
  "export function startGateway(port: number) {",
  "  return createServer().listen(port);",
  "}",
  "",
].join("\n");

function setup(files: Record<string, string | Uint8Array>, options: { maxFileBytes?: number } = {}) {
  const filesRead = new Set<string>();
  const snapshot = createMemorySnapshot(files, options);
  return { tool: createReadFileTool(snapshot, filesRead), filesRead };
}

describe("read_file", () => {
  it("returns numbered lines and records the file as read", async () => {
    const { tool, filesRead } = setup({ "src/gateway/server.ts": server });
    const out = await tool.run({ path: "./src//gateway/server.ts" });
    expect(out).toEqual({
      isError: false,
      content: [
        "File: src/gateway/server.ts (lines 1-5 of 5)",
        "1\timport { createServer } from 'node:http';",
        "2\t",
        "3\texport function startGateway(port: number) {",
        "4\t  return createServer().listen(port);",
        "5\t}",
      ].join("\n"),
    });
    expect([...filesRead]).toEqual(["src/gateway/server.ts"]);
  });

  it("reads a line range, padding numbers to the widest one", async () => {
    const text = Array.from({ length: 12 }, (_, i) => `line ${i + 1}`).join("\r\n");
    const { tool } = setup({ "notes.txt": text });
    const out = await tool.run({ path: "notes.txt", start_line: 9, end_line: 40 });
    expect(out.content).toBe(
      "File: notes.txt (lines 9-12 of 12)\n 9\tline 9\n10\tline 10\n11\tline 11\n12\tline 12",
    );
  });

  it("truncates at the line bound and says how to read on", async () => {
    const text = Array.from({ length: 2500 }, (_, i) => `row ${i + 1}`).join("\n");
    const { tool } = setup({ "big.txt": text });
    const out = await tool.run({ path: "big.txt" });
    const lines = out.content.split("\n");
    expect(lines[0]).toBe("File: big.txt (lines 1-2000 of 2500)");
    expect(lines).toHaveLength(2002);
    expect(lines[2000]).toBe("2000\trow 2000");
    expect(lines[2001]).toBe(
      "[Truncated at 2000 lines: showing lines 1-2000 of 2500. Call read_file with start_line=2001 to read on.]",
    );
  });

  it("truncates at the byte bound", async () => {
    const text = Array.from({ length: 300 }, () => "x".repeat(999)).join("\n");
    const { tool } = setup({ "wide.txt": text });
    const out = await tool.run({ path: "wide.txt" });
    expect(out.content).toContain("(lines 1-99 of 300)");
    expect(out.content).toContain(
      "[Truncated at 97.7 KB: showing lines 1-99 of 300. Call read_file with start_line=100 to read on.]",
    );
    expect(Buffer.byteLength(out.content)).toBeLessThan(101_000);
  });

  it("cuts very long lines", async () => {
    const { tool } = setup({ "min.js": "a".repeat(5000) });
    const out = await tool.run({ path: "min.js" });
    expect(out.content).toContain(`1\t${"a".repeat(2000)} …[line cut at 2000 characters]`);
  });

  it.each([
    [{ path: "../etc/passwd" }, /^refused: path leaves the repository/],
    [{ path: "/etc/passwd" }, /^refused: path leaves the repository/],
    [{ path: "src/../../secret" }, /^refused: path leaves the repository/],
    [{ path: "C:\\Windows\\win.ini" }, /^refused: path leaves the repository/],
    [{ path: "." }, /is the repository root, not a file/],
    [{ path: "docs/missing.md" }, /^No file "docs\/missing.md" at this commit/],
    [{ path: "src" }, /^"src" is a directory, not a file; use list_directory/],
    [{ path: "logo.png" }, /^"logo.png" is a binary file \(4 B\)/],
    [{ path: "dump.sql" }, /^"dump.sql" is 200 B, over the 150 B limit/],
    [
      { path: "src/gateway/server.ts", start_line: 9 },
      /start_line 9 is past the end of "src\/gateway\/server.ts" \(5 lines\)/,
    ],
    [
      { path: "src/gateway/server.ts", start_line: 4, end_line: 2 },
      /end_line \(2\) is before start_line \(4\)/,
    ],
    [{ path: 42 }, /Invalid input for read_file:\n- path: Invalid input: expected string, received number/],
    [
      { path: "a.ts", start_line: 0, extra: true },
      /^Invalid input for read_file:\n- start_line: Too small: expected number to be >=1\n- input: Unrecognized key: "extra"$/,
    ],
    [
      undefined,
      /^Invalid input for read_file:\n- input: Invalid input: expected object, received undefined$/,
    ],
  ])("answers %j with an error result", async (input, message) => {
    const { tool, filesRead } = setup(
      {
        "src/gateway/server.ts": server,
        "logo.png": new Uint8Array([0x89, 0x50, 0x00, 0x47]),
        "dump.sql": "x".repeat(200),
      },
      { maxFileBytes: 150 },
    );
    const out = await tool.run(input);
    expect(out.isError).toBe(true);
    expect(out.content).toMatch(message);
    expect(filesRead.size).toBe(0);
  });

  it("refuses an escaping path without asking the snapshot", async () => {
    const calls: string[] = [];
    const snapshot: RepoSnapshot = {
      sha: "abc",
      label: "spy",
      listFiles: async () => [],
      readFile: async (path) => {
        calls.push(path);
        return { kind: "missing", path };
      },
    };
    const out = await createReadFileTool(snapshot, new Set()).run({ path: "docs/../../.ssh/id_rsa" });
    expect(out.isError).toBe(true);
    expect(calls).toEqual([]);
  });

  it("reports an empty file", async () => {
    const { tool, filesRead } = setup({ "empty.md": "" });
    expect(await tool.run({ path: "empty.md" })).toEqual({
      isError: false,
      content: "File: empty.md (empty file)",
    });
    expect(filesRead.has("empty.md")).toBe(true);
  });

  it("exposes a JSON Schema with the fields and no $schema key", () => {
    const { tool } = setup({});
    expect(tool.definition.name).toBe("read_file");
    expect(tool.definition.inputSchema).toMatchObject({
      type: "object",
      required: ["path"],
      additionalProperties: false,
      properties: {
        path: { type: "string" },
        start_line: { type: "integer" },
        end_line: { type: "integer" },
      },
    });
    expect(tool.definition.inputSchema).not.toHaveProperty("$schema");
  });
});
