import { describe, expect, it } from "vitest";
import { parseOutOfScopeItem } from "../../../src/core/import/parse-out-of-scope-item.js";

describe("parseOutOfScopeItem", () => {
  it.each([
    ["X (owner.md)", "Query planning (query-api.md)", { item: "Query planning", owner: "query-api.md" }],
    [
      "X (owner.md — note)",
      "Tenant quotas (tenancy-billing.md — the collector only reads the cache)",
      { item: "Tenant quotas", owner: "tenancy-billing.md", note: "the collector only reads the cache" },
    ],
    [
      "X — Y (`owner.md`)",
      "Alert evaluation — streaming rules (`alerting.md`)",
      { item: "Alert evaluation — streaming rules", owner: "alerting.md" },
    ],
    [
      "X (owner.md or standalone — note)",
      "Schedule CRUD (billing.md or standalone — schedules are shared)",
      { item: "Schedule CRUD", owner: "billing.md", note: "or standalone — schedules are shared" },
    ],
    [
      "X (owner.md owns …)",
      "API tokens (tenancy-billing.md owns tokens)",
      { item: "API tokens", owner: "tenancy-billing.md", note: "owns tokens" },
    ],
    [
      "owner given as a path",
      "Query execution (docs/specs/query-api.md)",
      { item: "Query execution", owner: "docs/specs/query-api.md" },
    ],
    [
      "owner named outside parentheses",
      "Everything sessions-gateway.md covers",
      { item: "Everything sessions-gateway.md covers", owner: "sessions-gateway.md" },
    ],
    ["only a parenthesised file", "(query-api.md)", { item: "(query-api.md)", owner: "query-api.md" }],
    ["trailing separator before parentheses", "Backups — (ops.md)", { item: "Backups", owner: "ops.md" }],
  ])("%s", (_name, text, expected) => {
    expect(parseOutOfScopeItem(text)).toEqual(expected);
  });

  it.each([
    ["no spec named", "Payment provider internals (external service)"],
    ["no parentheses", "Anything about pricing pages"],
  ])("keeps plain text when %s", (_name, text) => {
    expect(parseOutOfScopeItem(text)).toBe(text);
  });
});
