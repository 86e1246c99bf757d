import { describe, expect, it } from "vitest";
import {
  chunkKey,
  parseDependsOn,
  type KnownChunk,
} from "../../../../src/core/checks/rules/impl-parse-depends-on.js";

const known: KnownChunk[] = [
  "User model + token model",
  "Auth utilities",
  "Login and register endpoints",
].map((name, i) => ({ key: chunkKey(name), name, phase: i + 1 }));
const summary = (cell: string) => {
  const r = parseDependsOn(cell, known);
  return { phases: r.phases, chunks: r.chunks.map((c) => c.name), unknown: r.unknown };
};

describe("parseDependsOn", () => {
  it.each([
    ["—", { phases: [], chunks: [], unknown: [] }],
    ["", { phases: [], chunks: [], unknown: [] }],
    ["Phase 1", { phases: [1], chunks: [], unknown: [] }],
    ["Phase 1 + Auth utilities", { phases: [1], chunks: ["Auth utilities"], unknown: [] }],
    ["User model + token model", { phases: [], chunks: ["User model + token model"], unknown: [] }],
    [
      "User model & token model, Auth utilities",
      { phases: [], chunks: ["User model + token model", "Auth utilities"], unknown: [] },
    ],
    ["Login and register", { phases: [], chunks: ["Login and register endpoints"], unknown: [] }],
    ["Phase 2 and Billing setup", { phases: [2], chunks: [], unknown: ["Billing setup"] }],
    ["Auth utilities (NS-104)", { phases: [], chunks: ["Auth utilities"], unknown: [] }],
  ])("reads %j", (cell, expected) => {
    expect(summary(cell)).toEqual(expected);
  });
});
