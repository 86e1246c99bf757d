import { describe, expect, it } from "vitest";
import { extractRegistry } from "../../../src/core/markdown/extract-registry.js";
import { extractStatuses } from "../../../src/core/markdown/extract-statuses.js";
import { specDocument } from "../../helpers/check-context.js";

const SPEC = [
  "# Sessions",
  "",
  "## 5. Features",
  "",
  "| Feature | Status | Evidence |",
  "|---|---|---|",
  "| Session pause | ✅ Implemented | `a.ts` |",
  "| Session rename | Done | `b.ts` |",
  "",
  "## 6. Deep Dives",
  "",
  "### 6.1 Hub manager",
  "",
  "**Status:** Partial — no eviction yet.",
  "",
  "## 7. States",
  "",
  "| Name | Status | Meaning |",
  "|---|---|---|",
  "| a | running | busy |",
  "| b | paused | idle |",
  "| c | completed | over |",
  "",
  "The session status: `running` until paused.",
  "",
  "```",
  "Status: Done",
  "```",
].join("\n");

describe("extractStatuses", () => {
  it("reads feature tables and inline status lines, not state tables or code", () => {
    const found = extractStatuses(specDocument("docs/specs/sessions.md", SPEC));
    expect(
      found.map((m) => [m.feature, m.status.status ?? `?${m.status.suggestion}`, m.line, m.source]),
    ).toEqual([
      ["Session pause", "Implemented", 7, "table"],
      ["Session rename", "?Implemented", 8, "table"],
      ["Hub manager", "Partial", 14, "inline"],
    ]);
  });
});

describe("extractRegistry", () => {
  it("reads numbered sections and their feature rows", () => {
    const registry = [
      "# Feature Registry",
      "",
      "## 1. Agent Contract",
      "",
      "| Feature | Status | Evidence |",
      "|---|---|---|",
      "| Setup prompt | Implemented | `packages/shared/src/prompts.ts` |",
      "",
      "## 2. Sandbox Providers",
      "",
      "### Providers",
      "",
      "| Feature | Status | Evidence |",
      "|---|---|---|",
      "| Modal provider | Partial | `packages/shared/src/providers/modal.ts` |",
      "| E2B provider | Planned | — |",
    ].join("\n");
    const sections = extractRegistry(specDocument("docs/specs/feature-registry.md", registry, "registry"));
    expect(
      sections.map((s) => [s.number, s.name, s.features.map((f) => [f.name, f.status.status, f.line])]),
    ).toEqual([
      ["1", "Agent Contract", [["Setup prompt", "Implemented", 7]]],
      [
        "2",
        "Sandbox Providers",
        [
          ["Modal provider", "Partial", 15],
          ["E2B provider", "Planned", 16],
        ],
      ],
    ]);
  });
});
