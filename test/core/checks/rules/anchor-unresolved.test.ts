import { describe, expect, it } from "vitest";
import { anchorUnresolvedRule } from "../../../../src/core/checks/rules/anchor-unresolved.js";
import { buildCheckContext } from "../../../helpers/check-context.js";

const HUB = [
  "export class SessionHub {",
  "  start() {}",
  "  stop() {}",
  "}",
  "export function createHub() {}",
  "",
].join("\n");
const run = (spec: string) =>
  anchorUnresolvedRule.run(
    buildCheckContext({
      files: { "docs/specs/sessions.md": spec, "apps/gw/hub.ts": HUB },
      unreadable: { "apps/gw/logo.png": "not UTF-8 text" },
    }),
  );

describe("anchor-unresolved", () => {
  it("accepts anchors that resolve", () => {
    const spec =
      "# S\n\n`apps/gw/hub.ts:SessionHub`, `apps/gw/hub.ts:SessionHub.start`, `apps/gw/hub.ts:createHub()`, `apps/gw/hub.ts:1-5`, `apps/gw/hub.ts:3`.\n";
    expect(run(spec)).toEqual([]);
  });

  it("ignores anchors into missing files (citation-missing reports those) and exempt citations", () => {
    expect(run("# S\n\n`apps/gw/nope.ts:Thing` and, for example, `apps/gw/hub.ts:Imaginary`.\n")).toEqual([]);
  });

  it.each([
    [
      "an unknown identifier",
      "`apps/gw/hub.ts:HubManager`",
      "apps/gw/hub.ts:HubManager",
      /`HubManager` does not occur in `apps\/gw\/hub.ts`/,
    ],
    [
      "a partial identifier match",
      "`apps/gw/hub.ts:Session`",
      "apps/gw/hub.ts:Session",
      /`Session` does not occur/,
    ],
    [
      "an unknown member",
      "`apps/gw/hub.ts:SessionHub.pause`",
      "apps/gw/hub.ts:SessionHub.pause",
      /does not occur/,
    ],
    [
      "lines past the end",
      "`apps/gw/hub.ts:4-12`",
      "apps/gw/hub.ts:4-12",
      /has 5 lines, so lines 4-12 are past its end/,
    ],
    ["a single line past the end", "`apps/gw/hub.ts:9`", "apps/gw/hub.ts:9-9", /so line 9 is past its end/],
    ["an empty range", "`apps/gw/hub.ts:4-2`", "apps/gw/hub.ts:4-2", /empty line range/],
  ])("flags %s", (_name, cite, subject, message) => {
    const findings = run(`# S\n\nSee ${cite}.\n`);
    expect(findings).toEqual([
      expect.objectContaining({
        rule: "anchor-unresolved",
        severity: "error",
        line: 3,
        subjects: [subject],
        message: expect.stringMatching(message),
      }),
    ]);
  });

  it("gives one info finding for an unreadable source", () => {
    const findings = run("# S\n\n`apps/gw/logo.png:1` and `apps/gw/logo.png:2`\n");
    expect(findings).toEqual([
      expect.objectContaining({ severity: "info", message: expect.stringContaining("not UTF-8 text") }),
    ]);
  });

  it("checks an implementation spec's anchors only in Reference Files (the plan describes code to write)", () => {
    const impl = [
      "# Export",
      "",
      "## Reference Files",
      "",
      "- `apps/gw/hub.ts:SessionHub` — the hub",
      "- `apps/gw/hub.ts:Evictor` — a typo",
      "",
      "## Execution Plan",
      "",
      "- [ ] **Eviction**: add `apps/gw/hub.ts:evictIdle` and call it from `apps/gw/hub.ts:SessionHub.tick`.",
    ].join("\n");
    const findings = anchorUnresolvedRule.run(
      buildCheckContext({ files: { "specs/export.md": impl, "apps/gw/hub.ts": HUB } }),
    );
    expect(findings.map((f) => [f.file, f.line, f.subjects])).toEqual([
      ["specs/export.md", 6, ["apps/gw/hub.ts:Evictor"]],
    ]);
  });
});
