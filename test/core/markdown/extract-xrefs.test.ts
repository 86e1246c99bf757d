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
  ])("reads %j", (line, expected) => {
    expect(refs(line)).toEqual([expected]);
  });

  it.each([
    ["the boundary brief §3 glossary"],
    ["Feature registry §2 lists them."],
    ["https://example.com/docs/readme.md"],
    ["```\nsee a.md §3\n```"],
  ])("ignores %j", (line) => {
    expect(refs(line)).toEqual([]);
  });
});
