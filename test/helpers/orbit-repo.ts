/**
 * "Orbit Books": a small fictional bookshop repository for engine, CLI and benchmark tests.
 * Four system-spec agents in three phases: `catalog` and `cart` (phase 1), `checkout` (reads
 * both, phase 2) and `receipts` (reads checkout, phase 3). `orbitSpec(name)` writes a spec that
 * passes every per-spec check; `ORBIT_BAD_SPEC` fails them.
 */

export const ORBIT_CONFIG = `# Specwright config of the Orbit Books test repository.
systemSpecs:
  project: Orbit Books
  specsDir: docs/specs
  lines: { min: 12, max: 200 }
  agents:
    - name: catalog
      title: Catalog
      phase: 1
      registrySection: 1
      keyFiles: [src/catalog/]
    - name: cart
      title: Cart
      phase: 1
      registrySection: 2
      keyFiles: [src/cart/]
    - name: checkout
      title: Checkout & Payment
      registrySection: 3
      reads: [docs/specs/catalog.md, docs/specs/cart.md]
      keyFiles: [src/checkout/]
    - name: receipts
      title: Receipts
      registrySection: 4
      reads: [docs/specs/checkout.md]
      keyFiles: [src/receipts/]
`;

const BRIEF = `# Orbit Books — Boundary Brief

## 1. Ownership

| Spec | Owns |
|------|------|
| catalog.md | Books and search |
| cart.md | The cart |
| checkout.md | Orders and payment |
| receipts.md | Receipts |

## 2. Canonical Glossary

| Term | Definition | Do NOT call it |
|------|------------|----------------|
| Book | One title in the catalog | product, item |
| Cart | The books a reader is about to buy | basket |
| Order | A paid cart | purchase |
`;

const TEMPLATE = `# [Name] — System Spec

## 1. Overview

What this part does.

## 2. File Tree

The files this spec owns.

## 3. Behaviour

What happens, with a cited file for every claim.

## 4. Feature Status

| Feature | Status | Evidence |
|---------|--------|----------|
| [feature] | Implemented / Partial / Planned / Deprecated | [path:identifier] |
`;

const REGISTRY = `# Orbit Books — Feature Registry

## 1. Catalog

| Feature | Status | Evidence |
|---------|--------|----------|
| Book lookup | Implemented | \`src/catalog/books.ts:findBook\` |

## 2. Cart

| Feature | Status | Evidence |
|---------|--------|----------|
| Add to cart | Implemented | \`src/cart/cart.ts:addToCart\` |

## 3. Checkout

| Feature | Status | Evidence |
|---------|--------|----------|
| Place order | Implemented | \`src/checkout/checkout.ts:placeOrder\` |

## 4. Receipts

| Feature | Status | Evidence |
|---------|--------|----------|
| Receipt text | Implemented | \`src/receipts/receipt.ts:renderReceipt\` |
`;

/** What each agent's spec is about: its main file, function, feature and the specs it links to. */
export const ORBIT_AGENTS = {
  catalog: {
    title: "Catalog",
    file: "src/catalog/books.ts",
    fn: "findBook",
    feature: "Book lookup",
    links: [],
  },
  cart: { title: "Cart", file: "src/cart/cart.ts", fn: "addToCart", feature: "Add to cart", links: [] },
  checkout: {
    title: "Checkout & Payment",
    file: "src/checkout/checkout.ts",
    fn: "placeOrder",
    feature: "Place order",
    links: ["catalog.md §1", "cart.md §3"],
  },
  receipts: {
    title: "Receipts",
    file: "src/receipts/receipt.ts",
    fn: "renderReceipt",
    feature: "Receipt text",
    links: ["checkout.md §3"],
  },
} as const;

export type OrbitAgent = keyof typeof ORBIT_AGENTS;

/** The repository's files (without the specs the agents write). */
export function orbitFiles(): Record<string, string> {
  return {
    ".github/specwright.yml": ORBIT_CONFIG,
    "README.md": "# Orbit Books\n\nA small online bookshop.\n",
    "docs/specs/boundary-brief.md": BRIEF,
    "docs/specs/template.md": TEMPLATE,
    "docs/specs/feature-registry.md": REGISTRY,
    "src/catalog/books.ts":
      "export interface Book { id: string; title: string }\n\nexport function findBook(id: string): Book | undefined {\n  return undefined;\n}\n",
    "src/catalog/search.ts": "export function searchBooks(query: string): string[] {\n  return [query];\n}\n",
    "src/cart/cart.ts":
      "export const MAX_BOOKS = 20;\n\nexport function addToCart(cart: string[], id: string): string[] {\n  return [...cart, id];\n}\n",
    "src/checkout/checkout.ts":
      "import { chargeCard } from './payment';\n\nexport function placeOrder(cart: string[]) {\n  return chargeCard(cart.length * 10);\n}\n",
    "src/checkout/payment.ts":
      "export function chargeCard(amount: number) {\n  return { ok: amount > 0 };\n}\n",
    "src/receipts/receipt.ts":
      "export function renderReceipt(order: string): string {\n  return `Receipt for ${order}`;\n}\n",
  };
}

/** A spec for `name` that passes the per-spec checks (template sections, citations, anchors, links). */
export function orbitSpec(name: OrbitAgent, extraLines = 0): string {
  const a = ORBIT_AGENTS[name];
  const dir = a.file.slice(0, a.file.lastIndexOf("/") + 1);
  const base = a.file.slice(dir.length);
  const links = a.links.length > 0 ? `It builds on ${a.links.join(" and ")}.` : "It builds on no other spec.";
  const filler = Array.from(
    { length: extraLines },
    (_, i) => `- Step ${i + 1}: \`${a.file}:${a.fn}\` handles case ${i + 1}.`,
  );
  return [
    `# ${a.title} — System Spec`,
    "",
    "## 1. Overview",
    "",
    `${a.title} of Orbit Books. The entry point is \`${a.file}:${a.fn}\`.`,
    links,
    "",
    "## 2. File Tree",
    "",
    "```",
    dir,
    `└── ${base}`,
    "```",
    "",
    "## 3. Behaviour",
    "",
    `- \`${a.file}:${a.fn}\` is called for every request.`,
    `- The module lives in \`${a.file}\`.`,
    ...filler,
    "",
    "## 4. Feature Status",
    "",
    "| Feature | Status | Evidence |",
    "|---------|--------|----------|",
    `| ${a.feature} | Implemented | \`${a.file}:${a.fn}\` |`,
    "",
  ].join("\n");
}

/** A spec that fails the checks: a section missing and a citation of a file that does not exist. */
export const ORBIT_BAD_SPEC = [
  "# Catalog — System Spec",
  "",
  "## 1. Overview",
  "",
  "Books come from `src/catalog/inventory.ts`.",
  "",
  "## 3. Behaviour",
  "",
  "- Search is fast.",
  "",
].join("\n");

/** A discovery document of the Orbit Books repository (not committed in the fixture). */
export const ORBIT_DISCOVERY = `# Order export

## Problem

The bookshop team exports paid orders by hand every month.

## Solution

A CSV export of orders per month, built on \`src/checkout/checkout.ts\`.

## Open questions

- Do refunded orders belong in the export?
`;

/** An implementation spec for `ORBIT_DISCOVERY` that passes the implementation-spec checks. */
export const ORBIT_IMPL_SPEC = `# Order CSV Export

## Meta

| Field | Value |
|-------|-------|
| Type | backend-api |
| Repo | orbit/books |
| Status | draft |
| Created | 2026-03-04 |

## Overview

The bookshop team wants a monthly CSV export of paid orders.

## Skills

Load these skills before starting:
- backend-api

## Requirements

- GET /orders/export?month=2026-02 returns a CSV file of that month's orders

## Architecture

- Reuse the order flow of the checkout module

## Reference Files

**From Discovery:**
- \`src/checkout/checkout.ts\` — where orders are placed

## Execution Plan

### Work Streams

| Stream | Responsibility | Owns | Skills |
|--------|---------------|------|--------|
| export | The export endpoint | src/export/ | backend-api |

### Phase 1: Export

| Chunk | Stream | Outcome | Depends On |
|-------|--------|---------|------------|
| CSV endpoint | export | The endpoint returns CSV | — |

- [ ] **CSV endpoint**
  Outcome: The export endpoint returns the month's orders as CSV.
  Stream: export
  Skills: backend-api

## Acceptance Criteria

- [ ] Exporting February returns every February order
- [ ] All tests pass: \`npm test -- export\`

## Completion Promise

<promise>ORBIT_ORDER_EXPORT_COMPLETE</promise>

## Notes

- Assumed: months are calendar months in UTC.

### Questions for reviewers

- Do refunded orders belong in the export?
- Should the export include the buyer's email address?
`;
