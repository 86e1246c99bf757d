import { describe, expect, it, vi } from "vitest";
import type * as CitationsModule from "../../src/core/checks/rules/citations-to-check.js";
import { configSchema } from "../../src/core/config/config-schema.js";
import { createMemorySnapshot } from "../helpers/memory-snapshot.js";

// Simulates a bug in citation extraction that only one document triggers.
vi.mock("../../src/core/checks/rules/citations-to-check.js", async (importOriginal) => {
  const original = await importOriginal<typeof CitationsModule>();
  return {
    citationsToCheck: (doc: { path: string }, files: unknown) => {
      if (doc.path === "docs/specs/bad.md") throw new RangeError("Maximum call stack size exceeded");
      return original.citationsToCheck(doc as never, files as never);
    },
  };
});

const { checkRepository } = await import("../../src/services/check-repository.js");

const config = configSchema.parse({ systemSpecs: { lines: { min: 1, max: 100 } } });
const SPEC = "# Alpha\n\n## 1. Overview\n\nAlpha lives in `src/gone.ts`.\n";

describe("checkRepository when reading one document's citations fails", () => {
  it("reports that document as an input error and checks the others", async () => {
    const snapshot = createMemorySnapshot({
      "docs/specs/template.md": "# [Name]\n\n## 1. Overview\n\nText.\n",
      "docs/specs/alpha.md": SPEC,
      "docs/specs/bad.md": SPEC.replace("Alpha", "Bad"),
    });
    const report = await checkRepository({ snapshot, config, rules: ["citation-missing"] });
    expect(report.findings.map((f) => [f.rule, f.severity, f.file])).toEqual([
      ["citation-missing", "error", "docs/specs/alpha.md"],
      ["input", "error", "docs/specs/bad.md"],
    ]);
    expect(report.findings[1]?.message).toBe(
      "docs/specs/bad.md could not be checked: reading its citations failed (Maximum call stack size exceeded).",
    );
  });
});
