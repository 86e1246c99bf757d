import { describe, expect, it } from "vitest";
import { findingId } from "../../src/core/checks/finding-id.js";
import { parseConfig } from "../../src/core/config/parse-config.js";
import type { Config } from "../../src/core/config/config-schema.js";
import { createSpecValidator } from "../../src/services/create-spec-validator.js";
import { validateSpec } from "../../src/services/validate-spec.js";
import { createMemorySnapshot } from "../helpers/memory-snapshot.js";
import { ORBIT_BAD_SPEC, ORBIT_CONFIG, orbitFiles, orbitSpec } from "../helpers/orbit-repo.js";

function config(text = ORBIT_CONFIG): Config {
  const parsed = parseConfig(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.config;
}

const CATALOG = "docs/specs/catalog.md";

describe("validateSpec", () => {
  const snapshot = createMemorySnapshot(orbitFiles());

  it("accepts a spec that follows the template and cites existing code", async () => {
    const findings = await validateSpec({
      snapshot,
      config: config(),
      path: CATALOG,
      markdown: orbitSpec("catalog"),
      kind: "system",
    });
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("reports missing sections and citations on the candidate, with stable ids", async () => {
    const findings = await validateSpec({
      snapshot,
      config: config(),
      path: CATALOG,
      markdown: ORBIT_BAD_SPEC,
      kind: "system",
    });
    const errors = findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => [f.rule, f.line])).toEqual([
      ["template-section", 3],
      ["citation-missing", 5],
      ["template-section", 7],
    ]);
    expect(errors.map((f) => f.message)).toEqual([
      'Template section "2. File Tree" is missing.',
      "Cited path `src/catalog/inventory.ts` does not exist at this commit.",
      'Template section "4. Feature Status" is missing.',
    ]);
    for (const f of findings) {
      expect(f.file).toBe(CATALOG);
      expect(f.id).toBe(findingId(f));
    }
  });

  it.each([
    ["an identifier that is not in the file", "`src/cart/cart.ts:removeFromCart`", "anchor-unresolved"],
    ["a line range past the end of the file", "`src/cart/cart.ts:40-60`", "anchor-unresolved"],
    ["a spec that nobody writes", "See refunds.md §2.", "xref-broken"],
  ])("reports %s", async (_what, line, rule) => {
    const markdown = orbitSpec("cart").replace("## 3. Behaviour\n", `## 3. Behaviour\n\n${line}\n`);
    const findings = await validateSpec({
      snapshot,
      config: config(),
      path: "docs/specs/cart.md",
      markdown,
      kind: "system",
    });
    expect(findings.filter((f) => f.severity === "error").map((f) => f.rule)).toEqual([rule]);
  });

  it("accepts links to specs the run has not written yet, and checks sections of specs that exist", async () => {
    const markdown = orbitSpec("checkout");
    const pending = await validateSpec({
      snapshot,
      config: config(),
      path: "docs/specs/checkout.md",
      markdown,
      kind: "system",
      pendingFiles: [CATALOG, "docs/specs/cart.md"],
    });
    expect(pending.filter((f) => f.severity === "error")).toEqual([]);

    const withoutPending = await validateSpec({
      snapshot,
      config: config(),
      path: "docs/specs/checkout.md",
      markdown,
      kind: "system",
    });
    expect(
      withoutPending
        .filter((f) => f.rule === "xref-broken")
        .map((f) => f.subjects[0])
        .sort(),
    ).toEqual(["docs/specs/cart.md", CATALOG]);

    // cart.md exists with sections 1–4: "cart.md §3" is fine, "cart.md §9" is not.
    const written = createMemorySnapshot({
      ...orbitFiles(),
      [CATALOG]: orbitSpec("catalog"),
      "docs/specs/cart.md": orbitSpec("cart"),
    });
    const broken = markdown.replace("cart.md §3", "cart.md §9");
    const findings = await validateSpec({
      snapshot: written,
      config: config(),
      path: "docs/specs/checkout.md",
      markdown: broken,
      kind: "system",
    });
    expect(findings.filter((f) => f.severity === "error").map((f) => [f.rule, f.subjects[0]])).toEqual([
      ["xref-broken", "docs/specs/cart.md§9"],
    ]);
  });

  it("leaves out findings on other files (a bad registry status, another spec's problems)", async () => {
    const files = orbitFiles();
    const snapshotWithProblems = createMemorySnapshot({
      ...files,
      "docs/specs/feature-registry.md": `${files["docs/specs/feature-registry.md"]}\n| Gift cards | Shipped | \`src/cart/cart.ts\` |\n`,
      "docs/specs/cart.md": ORBIT_BAD_SPEC,
    });
    const findings = await validateSpec({
      snapshot: snapshotWithProblems,
      config: config(),
      path: "docs/specs/checkout.md",
      markdown: orbitSpec("checkout"),
      kind: "system",
      pendingFiles: [CATALOG],
    });
    expect(findings.map((f) => f.file)).toEqual(findings.map(() => "docs/specs/checkout.md"));
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("reports glossary and status problems as warnings (they do not block)", async () => {
    const markdown = orbitSpec("cart")
      .replace("is called for every request.", "adds a product to the basket.")
      .replace("| Implemented |", "| Done |");
    const findings = await validateSpec({
      snapshot,
      config: config(),
      path: "docs/specs/cart.md",
      markdown,
      kind: "system",
    });
    expect(findings.map((f) => [f.rule, f.severity, f.subjects[0]])).toEqual([
      ["glossary-term", "info", "term:basket"],
      ["glossary-term", "info", "term:product"],
      ["status-vocabulary", "warning", "status:add to cart"],
    ]);
  });

  it("runs the implementation-spec rules for implementation specs", async () => {
    const other = "specs/gift-cards.md";
    const implSnapshot = createMemorySnapshot({
      ...orbitFiles(),
      [other]: "# Gift cards\n\n## Completion Promise\n\n<promise>ORBIT_EXPORT_COMPLETE</promise>\n",
    });
    const findings = await validateSpec({
      snapshot: implSnapshot,
      config: config(),
      path: "specs/order-export.md",
      markdown:
        "# Order export\n\n## Overview\n\nExports orders.\n\n## Reference Files\n\n- `src/checkout/export.ts` — the export\n\n" +
        "## Completion Promise\n\n<promise>ORBIT_EXPORT_COMPLETE</promise>\n",
      kind: "implementation",
    });
    const rules = new Set(findings.filter((f) => f.severity === "error").map((f) => f.rule));
    expect(rules).toContain("impl-section");
    expect(rules).toContain("citation-missing");
    const promise = findings.find((f) => f.rule === "impl-promise");
    expect(promise?.message).toContain(other);
    expect(findings.every((f) => f.file === "specs/order-export.md")).toBe(true);
    expect(rules.has("template-section")).toBe(false);
  });

  it("reuses parsed context between calls and sees files added to the snapshot", async () => {
    const written = new Map<string, string>();
    const live = {
      ...snapshot,
      listFiles: async () => [
        ...(await snapshot.listFiles()),
        ...[...written].map(([path, text]) => ({ path, size: text.length })),
      ],
      readFile: async (path: string) => {
        const text = written.get(path);
        return text !== undefined
          ? { kind: "text" as const, path, text, size: text.length }
          : snapshot.readFile(path);
      },
    };
    const validator = createSpecValidator({ snapshot: live, config: config() });
    const markdown = orbitSpec("receipts").replace("checkout.md §3", "checkout.md §8");
    const before = await validator.validate({ path: "docs/specs/receipts.md", markdown, kind: "system" });
    expect(before.map((f) => f.subjects[0])).toContain("docs/specs/checkout.md");
    written.set("docs/specs/checkout.md", orbitSpec("checkout"));
    const after = await validator.validate({ path: "docs/specs/receipts.md", markdown, kind: "system" });
    expect(after.filter((f) => f.severity === "error").map((f) => f.subjects[0])).toEqual([
      "docs/specs/checkout.md§8",
    ]);
  });
});
