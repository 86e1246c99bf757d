import { describe, expect, it } from "vitest";
import { classifyDocuments } from "../../../src/core/checks/classify-documents.js";
import { configSchema, type ConfigInput } from "../../../src/core/config/config-schema.js";
import { resolveSystemSpecs } from "../../../src/core/config/resolve-config.js";

function classify(files: string[], input: ConfigInput = {}) {
  const config = configSchema.parse(input);
  const kinds = classifyDocuments(
    files,
    resolveSystemSpecs(config, files),
    config.implementationSpecs.output,
  );
  return Object.fromEntries([...kinds].sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe("classifyDocuments", () => {
  it("finds the brief, template, registry, review, system and implementation specs", () => {
    const files = [
      "docs/specs/boundary-brief.md",
      "docs/specs/template.md",
      "docs/specs/feature-registry.md",
      "docs/specs/consistency-review.md",
      "docs/specs/README.md",
      "docs/specs/orders.md",
      "docs/specs/archive/old.md",
      "specs/export.md",
      "specs/nested/deeper.md",
      "src/app.ts",
      "README.md",
    ];
    expect(classify(files)).toEqual({
      "docs/specs/boundary-brief.md": "brief",
      "docs/specs/consistency-review.md": "review",
      "docs/specs/feature-registry.md": "registry",
      "docs/specs/orders.md": "system",
      "docs/specs/template.md": "template",
      "specs/export.md": "implementation",
    });
  });

  it("takes configured agents' spec files wherever they are, before the implementation pattern", () => {
    const files = ["docs/a.md", "docs/b.md", "docs/c.md"];
    const config: ConfigInput = {
      systemSpecs: { specsDir: "docs", agents: [{ name: "alpha", specFile: "docs/a.md" }] },
      implementationSpecs: { output: "docs/{slug}.md" },
    };
    expect(classify(files, config)).toEqual({
      "docs/a.md": "system",
      "docs/b.md": "implementation",
      "docs/c.md": "implementation",
    });
  });

  it.each([["specs/README.md"], ["specs/readme.md"], ["specs/Readme.md"]])(
    "never takes %s for an implementation spec",
    (readme) => {
      expect(classify([readme, "specs/export.md"])).toEqual({ "specs/export.md": "implementation" });
    },
  );

  it("never takes a README in the specs folder for a system spec, even when specs share the folder", () => {
    const config: ConfigInput = {
      systemSpecs: { specsDir: "specs" },
      implementationSpecs: { output: "specs/{slug}.md" },
    };
    expect(Object.keys(classify(["specs/README.md", "specs/x.md"], config))).toEqual(["specs/x.md"]);
  });

  it("treats glob characters in the output pattern literally", () => {
    expect(
      classify(["plans/[draft] x.md", "plans/a x.md"], {
        implementationSpecs: { output: "plans/[draft] {slug}.md" },
      }),
    ).toEqual({
      "plans/[draft] x.md": "implementation",
    });
  });
});
