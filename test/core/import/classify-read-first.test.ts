import { describe, expect, it } from "vitest";
import { classifyReadFirst } from "../../../src/core/import/classify-read-first.js";
import type { ReadFirstItem } from "../../../src/core/import/import-types.js";

const specFiles = new Set([
  "docs/specs/query-api.md",
  "docs/specs/storage-engine.md",
  "docs/specs/registry-sync.md",
]);
const item = (path: string, note?: string, line = 10): ReadFirstItem =>
  note ? { path, note, line } : { path, line };

describe("classifyReadFirst", () => {
  it.each([
    ["boundary brief by path", item("docs/specs/boundary-brief.md", "rules"), "boundaryBrief"],
    ["template by path", item("docs/specs/spec-template.md"), "template"],
    ["registry by path", item("docs/specs/feature-registry.md", "section 3 (Query)"), "featureRegistry"],
    ["brief by description", item("docs/ownership.md", "boundary rules and glossary"), "boundaryBrief"],
    ["template by description", item("docs/layout.md", "spec template (follow exactly)"), "template"],
    [
      "registry by description",
      item("docs/features.md", "the feature registry, section 2"),
      "featureRegistry",
    ],
  ] as const)("%s", (_name, input, role) => {
    const result = classifyReadFirst([input], specFiles, "docs/specs/own.md");
    expect(result.systemDocs[role]).toEqual({ path: input.path, line: input.line });
    expect(result.reads).toEqual([]);
  });

  it.each([
    ["another agent's spec", item("docs/specs/query-api.md", "cross-reference for tokens")],
    ["another agent's spec even if its name says registry", item("docs/specs/registry-sync.md")],
    [
      "a spec whose description mentions a template",
      item("docs/specs/storage-engine.md", "see its template usage"),
    ],
    ["an unrelated document", item("docs/architecture.md", "overview")],
  ])("reads %s", (_name, input) => {
    const result = classifyReadFirst([input], specFiles, "docs/specs/own.md");
    expect(result.reads).toEqual([input.path]);
    expect(result.systemDocs).toEqual({});
  });

  it.each([
    ["section 3 (Query features)", 3],
    ["§12", 12],
    ["Section 9.2 (Repos)", "9.2"],
  ])("reads the registry section from %j", (note, section) => {
    const result = classifyReadFirst([item("docs/specs/feature-registry.md", note)], specFiles, undefined);
    expect(result.registrySection).toBe(section);
    expect(result.warnings).toEqual([]);
  });

  it("warns when the registry has no section number", () => {
    const result = classifyReadFirst(
      [item("docs/specs/feature-registry.md", "all features", 7)],
      specFiles,
      undefined,
    );
    expect(result.registrySection).toBeUndefined();
    expect(result.warnings).toEqual([
      { line: 7, message: expect.stringMatching(/without a section number/) },
    ]);
  });

  it("drops the agent's own spec file with a warning", () => {
    const result = classifyReadFirst(
      [item("docs/specs/query-api.md", undefined, 4)],
      specFiles,
      "docs/specs/query-api.md",
    );
    expect(result.reads).toEqual([]);
    expect(result.warnings).toEqual([{ line: 4, message: expect.stringMatching(/own spec file/) }]);
  });

  it("keeps the first of two different briefs and warns about the second", () => {
    const result = classifyReadFirst(
      [item("docs/specs/boundary-brief.md", undefined, 3), item("docs/boundary-v2.md", undefined, 5)],
      specFiles,
      undefined,
    );
    expect(result.systemDocs.boundaryBrief?.path).toBe("docs/specs/boundary-brief.md");
    expect(result.warnings).toEqual([{ line: 5, message: expect.stringMatching(/second boundaryBrief/) }]);
  });

  it("lists a spec to read once", () => {
    const result = classifyReadFirst(
      [item("docs/specs/query-api.md"), item("docs/specs/query-api.md")],
      specFiles,
      undefined,
    );
    expect(result.reads).toEqual(["docs/specs/query-api.md"]);
  });
});
