import { describe, expect, it } from "vitest";
import { readStatus } from "../../../src/core/markdown/read-status.js";

describe("readStatus", () => {
  it.each([
    ["Implemented", "Implemented"],
    ["implemented", "Implemented"],
    ["✅ Implemented", "Implemented"],
    ["**Partial**", "Partial"],
    ["Partial (no retries yet)", "Partial"],
    ["Planned — Q3", "Planned"],
    ["DEPRECATED", "Deprecated"],
  ])("accepts %j as %s", (raw, status) => {
    expect(readStatus(raw)).toEqual({ raw, status, suggestion: undefined });
  });

  it.each([
    ["Done", "Implemented"],
    ["In progress", "Partial"],
    ["Partially implemented", "Partial"],
    ["WIP (SSE only)", "Partial"],
    ["Not started", "Planned"],
    ["Legacy", "Deprecated"],
    ["✅", "Implemented"],
    ["Shipped", "Implemented"],
  ])("flags %j and suggests %s", (raw, suggestion) => {
    expect(readStatus(raw)).toEqual({ raw, status: undefined, suggestion });
  });

  it.each(["running", "paused", "", "Implementing"])("has nothing for %j", (raw) => {
    expect(readStatus(raw)).toEqual({ raw, status: undefined, suggestion: undefined });
  });
});
