import { describe, expect, it, vi } from "vitest";
import * as built from "../../src/core/checks/build-spec-document.js";
import { parseConfig } from "../../src/core/config/parse-config.js";
import { createSpecValidator } from "../../src/services/create-spec-validator.js";
import { overlaySnapshot } from "../../src/services/overlay-snapshot.js";
import { createMemorySnapshot } from "../helpers/memory-snapshot.js";
import { ORBIT_CONFIG, orbitFiles, orbitSpec } from "../helpers/orbit-repo.js";

// Count every parse: the validator must not parse a context document whose text did not change.
vi.mock("../../src/core/checks/build-spec-document.js", async (importOriginal) => {
  const original = await importOriginal<typeof built>();
  return { ...original, buildSpecDocument: vi.fn(original.buildSpecDocument) };
});
const parse = vi.mocked(built.buildSpecDocument);
const parsedPaths = () => parse.mock.calls.map(([path]) => path);

function setup() {
  const parsed = parseConfig(ORBIT_CONFIG);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const written = new Map<string, string>([
    ["docs/specs/catalog.md", orbitSpec("catalog")],
    ["docs/specs/cart.md", orbitSpec("cart")],
  ]);
  const snapshot = overlaySnapshot(createMemorySnapshot(orbitFiles()), written);
  return { written, validator: createSpecValidator({ snapshot, config: parsed.config }) };
}

// checkout links to catalog.md §1 and cart.md §3; its text also says "receipts" and "cart" in prose.
const CHECKOUT = `${orbitSpec("checkout")}\nReceipts are printed after checkout.\n`;

describe("createSpecValidator: parsed context is reused", () => {
  it("parses the brief, template, registry and linked specs once, then only the candidate", async () => {
    parse.mockClear();
    const { validator } = setup();
    const candidate = { path: "docs/specs/checkout.md", markdown: CHECKOUT, kind: "system" as const };

    const first = await validator.validate(candidate);
    expect(first.filter((f) => f.severity === "error")).toEqual([]);
    expect(parsedPaths().sort()).toEqual([
      "docs/specs/boundary-brief.md",
      "docs/specs/cart.md",
      "docs/specs/catalog.md",
      "docs/specs/checkout.md",
      "docs/specs/feature-registry.md",
      "docs/specs/template.md",
    ]);

    parse.mockClear();
    await validator.validate(candidate);
    await validator.validate({ ...candidate, markdown: `${CHECKOUT}\nOne more line.\n` });
    expect(parsedPaths()).toEqual(["docs/specs/checkout.md", "docs/specs/checkout.md"]);
  });

  it("parses a context document again when its text changed", async () => {
    parse.mockClear();
    const { validator, written } = setup();
    const candidate = { path: "docs/specs/checkout.md", markdown: CHECKOUT, kind: "system" as const };
    await validator.validate(candidate);
    // cart.md is rewritten without its section 3: the reference `cart.md §3` is now broken.
    written.set("docs/specs/cart.md", "# Cart — System Spec\n\n## 1. Overview\n\nThe cart.\n");
    parse.mockClear();
    const findings = await validator.validate(candidate);
    expect(parsedPaths().sort()).toEqual(["docs/specs/cart.md", "docs/specs/checkout.md"]);
    expect(findings.filter((f) => f.rule === "xref-broken").map((f) => f.message)).toEqual([
      expect.stringContaining("has no section 3"),
    ]);
  });

  it("loads only the specs the candidate links to or cites, not every spec named in its prose", async () => {
    parse.mockClear();
    const { validator, written } = setup();
    written.set("docs/specs/receipts.md", orbitSpec("receipts"));
    await validator.validate({ path: "docs/specs/checkout.md", markdown: CHECKOUT, kind: "system" });
    expect(parsedPaths()).not.toContain("docs/specs/receipts.md");
    expect(parsedPaths()).toContain("docs/specs/cart.md");
  });

  it("reuses an accepted candidate's parse when a later spec's check reads it back", async () => {
    parse.mockClear();
    const { validator, written } = setup();
    await validator.validate({ path: "docs/specs/checkout.md", markdown: CHECKOUT, kind: "system" });
    written.set("docs/specs/checkout.md", CHECKOUT);
    parse.mockClear();
    // receipts links to checkout.md: checkout's parse from its own validation is reused.
    const receipts = `${orbitSpec("receipts")}\nSee [checkout](checkout.md) for payment.\n`;
    await validator.validate({ path: "docs/specs/receipts.md", markdown: receipts, kind: "system" });
    expect(parsedPaths()).toEqual(["docs/specs/receipts.md"]);
  });
});
