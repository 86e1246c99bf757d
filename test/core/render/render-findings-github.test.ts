import { describe, expect, it } from "vitest";
import {
  escapeCommandData,
  escapeCommandProperty,
  renderFindingsGithub,
} from "../../../src/core/render/render-findings-github.js";
import { SAMPLE_REPORT } from "./sample-report.js";

describe("renderFindingsGithub", () => {
  it.each([
    ["100%", "100%25", "100%25"],
    ["a\r\nb", "a%0D%0Ab", "a%0D%0Ab"],
    ["file:1,2", "file:1,2", "file%3A1%2C2"],
  ])("escapes %j as data %j and as a property %j", (raw, data, property) => {
    expect(escapeCommandData(raw)).toBe(data);
    expect(escapeCommandProperty(raw)).toBe(property);
  });

  it("writes one workflow command per finding (info → notice), then a summary line", () => {
    expect(renderFindingsGithub(SAMPLE_REPORT)).toMatchInlineSnapshot(`
      "::error file=docs/specs/billing.md,line=40,title=ownership-overlap (SW-00000001)::src/billing/ledger.ts is in the file tree of 2 specs: billing.md, payments.md.%0AFix: Keep the file in one spec's file tree; link to that spec from the other.
      ::notice file=docs/specs/billing.md,line=77,title=glossary-term (SW-00000002)::Uses "tenant" | the glossary says "workspace".%0AFix: Write "workspace".
      ::warning file=docs/specs/notes%2Cv2.md,title=input (SW-00000003)::100%25 unreadable:%0Anot UTF-8%0AFix: Save as UTF-8.
      specwright check: 1 error, 1 warning, 1 info in 6 specs
      "
    `);
  });
});
