import { describe, expect, it } from "vitest";
import { checkPromptTemplate } from "../../../src/core/prompts/check-prompt-template.js";
import { PromptTemplateError } from "../../../src/core/prompts/prompt-template-error.js";
import { splitPromptTemplate } from "../../../src/core/prompts/split-prompt-template.js";

const MARKER = "<!-- specwright:user-message -->";

describe("splitPromptTemplate", () => {
  it("splits at the marker line and normalises line endings", () => {
    const parts = splitPromptTemplate(
      `<!-- doc -->\r\nSystem {{project}}\r\n\r\n  ${MARKER}  \r\n\r\nUser {{title}}\r\n`,
      "p.md",
    );
    expect(parts).toEqual({ system: "<!-- doc -->\nSystem {{project}}", user: "User {{title}}" });
  });

  it.each([
    ["missing", "only system text", "the user-message marker line is missing"],
    ["doubled", `a\n${MARKER}\nb\n${MARKER}\nc`, "the user-message marker appears 2 times (lines 2, 4)"],
    [
      "empty system part",
      `<!-- only docs -->\n${MARKER}\nuser`,
      "the system part (above the marker) is empty",
    ],
    ["empty user part", `system\n${MARKER}\n  \n`, "the user part (below the marker) is empty"],
  ])("refuses a template with the marker %s", (_case, text, message) => {
    expect(() => splitPromptTemplate(text, "docs/p.md")).toThrow(PromptTemplateError);
    expect(() => splitPromptTemplate(text, "docs/p.md")).toThrow(`docs/p.md: ${message}`);
  });
});

describe("checkPromptTemplate", () => {
  it("accepts documented placeholders in their part", () => {
    expect(() =>
      checkPromptTemplate("systemSpec", `For {{project}} ({{rules}})\n${MARKER}\nWrite {{specFile}}`, "p.md"),
    ).not.toThrow();
  });

  it("refuses a per-agent placeholder above the marker, saying where it belongs", () => {
    let error: unknown;
    try {
      checkPromptTemplate("systemSpec", `Write {{specFile}}\n${MARKER}\nGo`, "docs/prompts/spec.md");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PromptTemplateError);
    const e = error as PromptTemplateError;
    expect(e.source).toBe("docs/prompts/spec.md");
    expect(e.placeholder).toBe("specFile");
    expect(e.message).toBe(
      "docs/prompts/spec.md: unknown placeholder {{specFile}} above the user-message marker",
    );
    expect(e.hint).toContain("{{specFile}} is only available below the marker");
  });

  it("refuses a placeholder no prompt knows", () => {
    expect(() => checkPromptTemplate("consistencyReview", `Review\n${MARKER}\n{{specz}}`, "r.md")).toThrow(
      "r.md: unknown placeholder {{specz}} below the user-message marker",
    );
  });
});
