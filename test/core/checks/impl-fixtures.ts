import { buildSpecDocument } from "../../../src/core/checks/build-spec-document.js";
import type { CheckContext, SpecDocument } from "../../../src/core/checks/types.js";
import { configSchema } from "../../../src/core/config/config-schema.js";
import { resolveSystemSpecs } from "../../../src/core/config/resolve-config.js";
import { createFileIndex } from "../../../src/core/files/file-index.js";

/** Parses an implementation spec for rule tests. */
export function implDoc(path: string, text: string): SpecDocument {
  const doc = buildSpecDocument(path, "implementation", text);
  if ("error" in doc) throw new Error(doc.error);
  return doc;
}

/** A context with only implementation specs (checked = all unless `checked` names a subset). */
export function implContext(specs: Record<string, string>, checked?: readonly string[]): CheckContext {
  const docs = Object.entries(specs).map(([path, text]) => implDoc(path, text));
  return {
    systemSpecs: resolveSystemSpecs(configSchema.parse({}), []),
    implementationOutput: "specs/{slug}.md",
    files: createFileIndex(Object.keys(specs).map((path) => ({ path }))),
    specs: [],
    implSpecs: checked ? docs.filter((d) => checked.includes(d.path)) : docs,
    allImplSpecs: docs,
    brief: undefined,
    registry: undefined,
    template: undefined,
    sources: new Map(),
  };
}

/** A clean implementation spec in the builder template's format (a fictional invoice export). */
export const GOOD_IMPL_SPEC = `# Invoice CSV Export

## Meta

| Field | Value |
|-------|-------|
| Type | backend-api |
| Repo | acme-ledger |
| Status | draft |
| Created | 2026-03-04 |

## Overview

Finance wants a CSV export of invoices per billing period.

## Skills

Load these skills before starting:
- backend-api

## Requirements

- GET /invoices/export?period=2026-02 returns a CSV file

## Architecture

- Stream rows from the database instead of buffering them

## Reference Files

**From Discovery:**
- \`src/invoices/list.ts\` — the listing query to reuse

## Execution Plan

### Work Streams

| Stream | Responsibility | Owns | Skills |
|--------|---------------|------|--------|
| data | Queries | src/invoices/query/ | backend-api |
| api | Endpoint | src/invoices/routes/, src/invoices/csv.ts | backend-api |

### Phase 1: Query

| Chunk | Stream | Outcome | Depends On |
|-------|--------|---------|------------|
| Period query | data | Invoices of a period stream from the DB | — |

- [ ] **Period query**
  Outcome: Invoices of a period can be streamed.
  Stream: data
  Skills: backend-api

### Phase 2: Endpoint

| Chunk | Stream | Outcome | Depends On |
|-------|--------|---------|------------|
| CSV endpoint | api | The export endpoint returns CSV | Phase 1 |
| CSV headers and encoding | api | Excel opens the file | Phase 1 + CSV endpoint |

- [ ] **CSV endpoint**

  Outcome: The export endpoint returns CSV.
  Stream: api
  Skills: backend-api

- [ ] **CSV headers and encoding**
  Outcome: Excel opens the file without mojibake.
  Stream: api
  Skills: backend-api

## Acceptance Criteria

- [ ] Exporting February returns every February invoice
- [ ] All tests pass: \`npm test -- invoices\`
- [ ] Linting clean: \`npm run lint\`

## Completion Promise

<promise>INVOICE_CSV_EXPORT_COMPLETE</promise>

## Notes

- The loop stops on the \`<promise>\` tag.

### Questions for reviewers

- None.
`;

/** Replaces one exact piece of the good spec (fails loudly when the piece is absent). */
export function variant(from: string, to: string, base = GOOD_IMPL_SPEC): string {
  if (!base.includes(from)) throw new Error(`variant: "${from}" not in the base spec`);
  return base.replace(from, to);
}

/** 1-based line of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split("\n").findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`lineOf: "${needle}" not found`);
  return i + 1;
}
