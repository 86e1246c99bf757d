import { describe, expect, it } from "vitest";
import { extractXrefs } from "../../../src/core/markdown/extract-xrefs.js";
import { specDocument } from "../../helpers/check-context.js";

const refs = (line: string) =>
  extractXrefs(specDocument("docs/specs/a.md", line), new Set(["sessions-gateway", "boundary-brief"])).map(
    (r) => ({
      target: r.target,
      section: r.section,
      anchor: r.anchor,
      isLink: r.isLink,
    }),
  );

describe("extractXrefs", () => {
  it.each([
    [
      "See sessions-gateway.md §6.2 for the hub.",
      { target: "sessions-gateway.md", section: "6.2", anchor: undefined, isLink: false },
    ],
    [
      "See `sessions-gateway.md` §6.",
      { target: "sessions-gateway.md", section: "6", anchor: undefined, isLink: false },
    ],
    [
      "(sessions-gateway.md, section 4)",
      { target: "sessions-gateway.md", section: "4", anchor: undefined, isLink: false },
    ],
    [
      "As section 3 of billing.md says",
      { target: "billing.md", section: "3", anchor: undefined, isLink: false },
    ],
    [
      "See [hubs](sessions-gateway.md#hub-manager).",
      { target: "sessions-gateway.md", section: undefined, anchor: "hub-manager", isLink: true },
    ],
    [
      "See [other](../other/x.md).",
      { target: "../other/x.md", section: undefined, anchor: undefined, isLink: true },
    ],
    [
      "Owned by sessions-gateway §6.2.",
      { target: "sessions-gateway.md", section: "6.2", anchor: undefined, isLink: false },
    ],
    [
      "Rules in boundary-brief §4.",
      { target: "boundary-brief.md", section: "4", anchor: undefined, isLink: false },
    ],
    ["See §4 below.", { target: undefined, section: "4", anchor: undefined, isLink: false }],
    ["The lifecycle (§5) is simple.", { target: undefined, section: "5", anchor: undefined, isLink: false }],
    [
      "Jump to [the hub](#hub-manager).",
      { target: undefined, section: undefined, anchor: "hub-manager", isLink: true },
    ],
    [
      "Moved to ../specs/gone-spec.md for now.",
      { target: "../specs/gone-spec.md", section: undefined, anchor: undefined, isLink: false },
    ],
    ["See x.md's §18 for limits.", { target: "x.md", section: "18", anchor: undefined, isLink: false }],
    ["See section 4 below.", { target: undefined, section: "4", anchor: undefined, isLink: false }],
    ["Section 2.1 covers it.", { target: undefined, section: "2.1", anchor: undefined, isLink: false }],
    [
      "Owned by sessions-gateway section 6.",
      { target: "sessions-gateway.md", section: "6", anchor: undefined, isLink: false },
    ],
  ])("reads %j", (line, expected) => {
    expect(refs(line)).toEqual([expected]);
  });

  it.each([
    ["the boundary brief §3 glossary"],
    ["Feature registry §2 lists them."],
    ["https://example.com/docs/readme.md"],
    ["```\nsee a.md §3\n```"],
    ["Section 6 of RFC 9110 says so."],
    ["Per RFC 9110 section 6."],
    ["The brief's section 2 applies."],
  ])("ignores %j", (line) => {
    expect(refs(line)).toEqual([]);
  });

  it.each([
    ["AGENTS.md lists the agents.", false],
    ["See [agents](AGENTS.md).", true],
    ["See gone.md §2.", true],
    ["See gone.md#setup.", true],
    ["section 3 of gone.md", true],
  ])("tells an explicit reference from a bare file name: %j → %s", (line, explicit) => {
    const found = extractXrefs(specDocument("docs/specs/a.md", line), new Set());
    expect(found.map((r) => r.explicit)).toEqual([explicit]);
  });

  it.each([
    ["CLAUDE.md (generated at runtime, not in git) holds the agent notes.", true],
    ["See gone.md §2.", false],
  ])("marks references the spec says are not in git: %j → %s", (line, exempt) => {
    const found = extractXrefs(specDocument("docs/specs/a.md", line), new Set());
    expect(found.map((r) => r.exempt)).toEqual([exempt]);
  });

  it.each([
    ["spaces after a section sign", `§1${" ".repeat(200_000)}x`],
    ["spaces after a file name", `x.md${" ".repeat(200_000)}x`],
    ["a long word before a section sign", `${"a".repeat(200_000)} §2`],
    ["a long path-like token", `${"a/".repeat(100_000)}b.md`],
  ])("stays linear on 200 KB of %s", (_name, line) => {
    expect(Array.isArray(extractXrefs(specDocument("docs/specs/a.md", line), new Set()))).toBe(true);
  });
});
