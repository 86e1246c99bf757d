import { describe, expect, it } from "vitest";
import { suggestNames } from "../../../src/core/commands/suggest-names.js";

const known = ["sessions-gateway", "sandbox-providers", "secrets-environment", "cli", "billing-metering"];

describe("suggestNames", () => {
  it.each([
    ["sesions-gateway", ["sessions-gateway"]],
    ["sessions", ["sessions-gateway"]],
    ["billing", ["billing-metering"]],
    ["clj", ["cli"]],
    ["zzzzzz", []],
  ])("%s → %j", (input, expected) => {
    expect(suggestNames(input, known)).toEqual(expected);
  });
});
