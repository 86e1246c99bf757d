import { describe, expect, it } from "vitest";
import { parseKeyFileLine } from "../../../src/core/import/parse-key-file-line.js";

describe("parseKeyFileLine", () => {
  it.each([
    ["plain path", "services/api/src/cache.rs", { path: "services/api/src/cache.rs" }],
    ["path (note)", "src/main.rs (entry point)", { path: "src/main.rs", note: "entry point" }],
    [
      "path — note",
      "src/batcher.rs — flush thresholds",
      { path: "src/batcher.rs", note: "flush thresholds" },
    ],
    ["path – note (en dash)", "src/batcher.rs – flush", { path: "src/batcher.rs", note: "flush" }],
    [
      "path - note (hyphen)",
      "src/compaction.rs - merge policy",
      { path: "src/compaction.rs", note: "merge policy" },
    ],
    [
      "path -- note",
      "src/compaction.rs -- merge policy",
      { path: "src/compaction.rs", note: "merge policy" },
    ],
    [
      "dir/ (all files — note)",
      "web/src/dashboards/ (all files — React components)",
      { path: "web/src/dashboards/", note: "all files — React components" },
    ],
    ["directory without note", "crates/store/src/wal/", { path: "crates/store/src/wal/" }],
    ["backticked path", "`crates/schema/src/normalise.rs`", { path: "crates/schema/src/normalise.rs" }],
    ["backticked path — note", "`a/b.ts` — why", { path: "a/b.ts", note: "why" }],
    [
      "nested parentheses in note",
      "src/tiering.rs (upload (S3/GCS) — read the trait)",
      { path: "src/tiering.rs", note: "upload (S3/GCS) — read the trait" },
    ],
    [
      "brackets in path",
      "app/invite/[id]/page.tsx (flow only)",
      { path: "app/invite/[id]/page.tsx", note: "flow only" },
    ],
    ["leading ./ removed", "./src/index.ts", { path: "src/index.ts" }],
    ["trailing comma removed", "src/index.ts,", { path: "src/index.ts" }],
    ["backslashes become slashes", "src\\lib\\a.ts", { path: "src/lib/a.ts" }],
    ["bare file name", "Makefile", { path: "Makefile" }],
    ["bare file name (note)", "Makefile (build targets)", { path: "Makefile", note: "build targets" }],
    [
      "path followed by prose",
      "schema.ts search for LLM_PROXY",
      { path: "schema.ts", note: "search for LLM_PROXY" },
    ],
  ])("%s", (_name, line, expected) => {
    expect(parseKeyFileLine(line)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["prose, not a path", "All 6 spec files in docs/specs/", /does not start with a file path/],
    ["absolute path", "/etc/passwd (secrets)", /absolute/],
    ["drive letter", "C:\\work\\a.ts", /absolute/],
    ["escaping path", "../other-repo/a.ts", /leaves the repository/],
    ["unclosed backtick", "`src/a.ts — note", /unclosed/],
    ["empty", "   ", /no path/],
  ])("rejects %s", (_name, line, reason) => {
    const result = parseKeyFileLine(line);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
