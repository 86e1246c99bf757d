import { describe, expect, it } from "vitest";
import { registryEvidenceRule } from "../../../../src/core/checks/rules/registry-evidence.js";
import { buildCheckContext } from "../../../helpers/check-context.js";
import { REGISTRY_PATH } from "./system-fixtures.js";

const HUB = "export class SessionHub {\n  start() {}\n}\n";
const registry = (...rows: string[]) =>
  [
    "# Feature Registry",
    "",
    "## 1. Sessions",
    "",
    "| Feature | Status | Evidence |",
    "|---|---|---|",
    ...rows,
  ].join("\n");
const run = (text: string | null) =>
  registryEvidenceRule.run(
    buildCheckContext({
      files: {
        "docs/specs/sessions.md": "# S\n",
        "apps/gw/hub.ts": HUB,
        ...(text === null ? {} : { [REGISTRY_PATH]: text }),
      },
      paths: ["apps/gw/store.ts"],
    }),
  );

describe("registry-evidence", () => {
  it("accepts evidence that exists and anchors that resolve", () => {
    const text = registry(
      "| Pause | Implemented | `apps/gw/hub.ts:SessionHub.start`, `apps/gw/store.ts` |",
      "| Store | Implemented | apps/gw/store.ts, `apps/gw/` |",
      "| Lines | Implemented | `apps/gw/hub.ts:1-3` |",
      "| Retries | Planned | `apps/gw/retry.ts` |",
      "| Eviction | Partial | — |",
    );
    expect(run(text)).toEqual([]);
  });

  it("flags a missing evidence path with a suggestion", () => {
    expect(run(registry("| Pause | Implemented | `gw/hub.ts` |"))).toEqual([
      {
        rule: "registry-evidence",
        severity: "error",
        file: REGISTRY_PATH,
        line: 7,
        message: "Evidence path `gw/hub.ts` does not exist at this commit.",
        subjects: ["gw/hub.ts"],
        specs: [REGISTRY_PATH],
        fix: "Correct the path: did you mean `apps/gw/hub.ts`?",
      },
    ]);
  });

  it.each([
    ["an identifier", "`apps/gw/hub.ts:HubManager`", "apps/gw/hub.ts:HubManager"],
    ["a line range", "`apps/gw/hub.ts:2-30`", "apps/gw/hub.ts:2-30"],
  ])("flags %s anchor that does not resolve", (_name, cite, subject) => {
    expect(run(registry(`| Pause | Implemented | ${cite} |`))).toEqual([
      expect.objectContaining({
        line: 7,
        subjects: [subject],
        message: expect.stringMatching(/^Evidence anchor: /),
      }),
    ]);
  });

  it("does nothing without a registry (status-mismatch reports it)", () => {
    expect(run(null)).toEqual([]);
  });
});
