import { describe, expect, it } from "vitest";
import { createRepoTools } from "../../../src/agents/tools/create-repo-tools.js";
import type { RepoSnapshot } from "../../../src/ports/repo-snapshot.js";
import { createMemorySnapshot } from "../../helpers/memory-snapshot.js";

describe("createRepoTools", () => {
  it("offers read_file, list_directory and search, lists files once, and records files read", async () => {
    const inner = createMemorySnapshot({ "b.ts": "export const b = 1;\n", "a.ts": "export const a = 1;\n" });
    let listings = 0;
    const snapshot: RepoSnapshot = {
      ...inner,
      sha: inner.sha,
      label: inner.label,
      listFiles: () => (listings++, inner.listFiles()),
      readFile: (p) => inner.readFile(p),
    };
    const { tools, filesRead } = createRepoTools(snapshot);
    const byName = new Map(tools.map((t) => [t.definition.name, t]));
    expect([...byName.keys()]).toEqual(["read_file", "list_directory", "search"]);

    await byName.get("read_file")?.run({ path: "b.ts" });
    await byName.get("read_file")?.run({ path: "a.ts", start_line: 1 });
    await byName.get("read_file")?.run({ path: "../x" });
    await byName.get("list_directory")?.run({});
    await byName.get("search")?.run({ pattern: "const" });
    await byName.get("read_file")?.run({ path: "missing.ts" });

    expect(filesRead()).toEqual(["b.ts", "a.ts"]);
    expect(listings).toBe(1);
  });
});
