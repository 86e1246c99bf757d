import { describe, expect, it } from "vitest";
import { createSearchTool, DEFAULT_SEARCH_LIMITS } from "../../../src/agents/tools/search-tool.js";
import { createMemorySnapshot } from "../../helpers/memory-snapshot.js";

const files = {
  "README.md": "# Widgets\nRun startGateway to serve sessions.\n",
  "src/gateway/server.ts":
    "import http from 'node:http';\nexport function startGateway(port: number) {\n  return http.createServer().listen(port);\n}\n",
  "src/gateway/routes/sessions.ts": "export const SESSION_TTL = 3600;\nexport function renewSession() {}\n",
  "src/worker/index.ts": "// no gateway here\nexport const WORKER = true;\n",
  "assets/logo.png": new Uint8Array([0x89, 0x50, 0x00, 0x47]),
};
const snapshot = createMemorySnapshot(files);
const tool = createSearchTool(snapshot, () => snapshot.listFiles());

describe("search", () => {
  it("finds a literal string and reports path:line: text hits", async () => {
    const out = await tool.run({ pattern: "startGateway" });
    expect(out).toEqual({
      isError: false,
      content: [
        "README.md:2: Run startGateway to serve sessions.",
        "src/gateway/server.ts:2: export function startGateway(port: number) {",
        "2 matches (searched 4 text files).",
        "[1 binary or too-large file skipped]",
      ].join("\n"),
    });
  });

  it("matches a regex, case-insensitively, under a path prefix", async () => {
    const out = await tool.run({
      pattern: "^export (const|function) \\w*session",
      regex: true,
      ignore_case: true,
      path_prefix: "src/gateway",
    });
    expect(out.content).toBe(
      "src/gateway/routes/sessions.ts:1: export const SESSION_TTL = 3600;\nsrc/gateway/routes/sessions.ts:2: export function renewSession() {}\n2 matches (searched 2 text files).",
    );
  });

  it("filters by glob (no slash: file names anywhere)", async () => {
    const byName = await tool.run({ pattern: "export", glob: "index.ts" });
    expect(byName.content).toBe(
      "src/worker/index.ts:2: export const WORKER = true;\n1 match (searched 1 text file).",
    );
    const byPath = await tool.run({ pattern: "gateway", glob: "src/**/*.ts", ignore_case: true });
    expect(byPath.content.split("\n")[0]).toBe(
      "src/gateway/server.ts:2: export function startGateway(port: number) {",
    );
  });

  it("caps the hits and says more exist", async () => {
    const out = await tool.run({ pattern: "export", max_results: 2 });
    expect(out.content.split("\n")).toEqual([
      "src/gateway/routes/sessions.ts:1: export const SESSION_TTL = 3600;",
      "src/gateway/routes/sessions.ts:2: export function renewSession() {}",
      "2 matches (searched 3 text files).",
      "[more matches exist; showing the first 2. Narrow the search with path_prefix or glob]",
      "[1 binary or too-large file skipped]",
    ]);
  });

  it("says so when nothing matches", async () => {
    expect((await tool.run({ pattern: "kubernetes" })).content).toBe(
      'No matches for "kubernetes" in 4 text files.\n[1 binary or too-large file skipped]',
    );
  });

  it("stops at the scan-bytes bound with a note", async () => {
    const big = createMemorySnapshot({ "a.txt": "x\n".repeat(100), "b.txt": "needle\n" });
    const bounded = createSearchTool(big, () => big.listFiles(), {
      ...DEFAULT_SEARCH_LIMITS,
      maxScanBytes: 150,
    });
    const out = await bounded.run({ pattern: "needle" });
    expect(out.content).toBe(
      'No matches for "needle" in 1 text file.\n[search stopped after reading 150 B; results may be incomplete. Narrow the search with path_prefix or glob]',
    );
  });

  it("stops at the time bound with a note", async () => {
    let t = 0;
    const clock = () => (t += 4000);
    const slow = createSearchTool(snapshot, () => snapshot.listFiles(), DEFAULT_SEARCH_LIMITS, clock);
    const out = await slow.run({ pattern: "export" });
    expect(out.content).toContain("[search stopped after 5s; results may be incomplete.");
  });

  it("matches long lines only on their first characters and shortens shown lines", async () => {
    const long = createMemorySnapshot({ "min.js": `${"a".repeat(400)}needle${"b".repeat(2000)}tail` });
    const limited = createSearchTool(long, () => long.listFiles());
    const hit = await limited.run({ pattern: "needle" });
    expect(hit.content.split("\n")[0]).toBe(
      `min.js:1: ${`${"a".repeat(400)}needle${"b".repeat(2000)}tail`.slice(0, 300)}…`,
    );
    expect((await limited.run({ pattern: "tail" })).content).toMatch(/^No matches/);
  });

  it.each([
    [{ pattern: "(a+)+$", regex: true }, /^refused pattern: a repeated group/],
    [
      { pattern: "function (", regex: true },
      /^Invalid regular expression: .*Unterminated group.*set regex to false for a literal search\.$/,
    ],
    [{ pattern: "x", path_prefix: "../other-repo" }, /^refused: path leaves the repository/],
    [{ pattern: "" }, /^Invalid input for search:\n- pattern: Too small/],
    [{ pattern: "x", max_results: 100000 }, /^Invalid input for search:\n- max_results: Too big/],
    [{ pattern: "x", regex: "yes" }, /- regex: Invalid input: expected boolean, received string/],
  ])("answers %j with an error result", async (input, message) => {
    const out = await tool.run(input);
    expect(out.isError).toBe(true);
    expect(out.content).toMatch(message);
  });

  it("finishes a refused catastrophic pattern instantly instead of hanging", async () => {
    const evil = createMemorySnapshot({ "a.txt": `${"a".repeat(5000)}!` });
    const started = Date.now();
    const out = await createSearchTool(evil, () => evil.listFiles()).run({
      pattern: "^(a|aa)+$",
      regex: true,
    });
    expect(out.isError).toBe(true);
    expect(Date.now() - started).toBeLessThan(500);
  });
});
