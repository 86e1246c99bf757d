import { describe, expect, it } from "vitest";
import { fillTemplate } from "../../../src/core/prompts/fill-template.js";
import { findPlaceholders } from "../../../src/core/prompts/find-placeholders.js";
import { PromptTemplateError } from "../../../src/core/prompts/prompt-template-error.js";
import { SpecwrightError } from "../../../src/core/errors.js";

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

describe("fillTemplate", () => {
  it("replaces placeholders and strips the leading comment with the blank lines after it", () => {
    const template = "<!--\nPlaceholders: {{project}} {{spec}}\n-->\n\nWrite {{spec}} for {{ project }}.\n";
    expect(fillTemplate(template, { project: "Harbor", spec: "docs/specs/ledger.md" }, "t.md")).toBe(
      "Write docs/specs/ledger.md for Harbor.\n",
    );
  });

  it("keeps text without a leading comment, and later comments, as they are", () => {
    expect(fillTemplate("A {{x}}\n<!-- keep -->\n", { x: "1" }, "t.md")).toBe("A 1\n<!-- keep -->\n");
  });

  it("inserts values verbatim: no re-scanning, no $-patterns", () => {
    const out = fillTemplate("[{{a}}] [{{b}}]", { a: "{{b}}", b: "$& $1 $$" }, "t.md");
    expect(out).toBe("[{{b}}] [$& $1 $$]");
  });

  it("ignores values the template does not use", () => {
    expect(fillTemplate("only {{a}}", { a: "x", unused: "y" }, "t.md")).toBe("only x");
  });

  it("does not treat placeholders inside the leading comment as used", () => {
    expect(fillTemplate("<!-- {{doc}} -->\nplain", {}, "t.md")).toBe("plain");
  });

  it("throws a PromptTemplateError naming the file and every unknown placeholder", () => {
    const error = catchError(() =>
      fillTemplate("{{a}} {{specFle}} {{other}}", { a: "1" }, "docs/prompts/mine.md"),
    );
    expect(error).toBeInstanceOf(PromptTemplateError);
    expect(error).toBeInstanceOf(SpecwrightError);
    const e = error as PromptTemplateError;
    expect(e.name).toBe("PromptTemplateError");
    expect(e.source).toBe("docs/prompts/mine.md");
    expect(e.placeholder).toBe("specFle");
    expect(e.message).toBe("docs/prompts/mine.md: unknown placeholders {{specFle}}, {{other}}");
    expect(e.hint).toContain("{{a}}");
  });

  it("throws when a key is present without a value", () => {
    const values = { a: undefined } as unknown as Record<string, string>;
    const e = catchError(() => fillTemplate("x {{a}}", values, "p.md")) as PromptTemplateError;
    expect(e).toBeInstanceOf(PromptTemplateError);
    expect(e.placeholder).toBe("a");
    expect(e.message).toBe("p.md: no value for placeholder {{a}}");
  });

  it.each([["{{#inScope}}"], ["{{ }}"], ["{{a.b}}"], ["{{1st}}"]])(
    "rejects the malformed placeholder %s",
    (ph) => {
      const e = catchError(() => fillTemplate(`x ${ph} y`, { a: "1" }, "p.md")) as PromptTemplateError;
      expect(e).toBeInstanceOf(PromptTemplateError);
      expect(e.message).toBe(`p.md: malformed placeholder ${ph}`);
    },
  );

  it("rejects a leading comment that is never closed", () => {
    const e = catchError(() => fillTemplate("<!-- no end\n{{a}}", { a: "1" }, "p.md")) as PromptTemplateError;
    expect(e).toBeInstanceOf(PromptTemplateError);
    expect(e.message).toContain("never closed");
  });
});

describe("findPlaceholders", () => {
  it("lists names once, in order of first use, skipping the leading comment", () => {
    expect(findPlaceholders("<!-- {{z}} -->\n{{b}} {{a}} {{ b }}", "p.md")).toEqual(["b", "a"]);
  });
});
