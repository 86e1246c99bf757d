import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readEnvVariables } from "../../src/core/read-env-variables.js";

describe("readEnvVariables", () => {
  const fields = {
    PORT: z.coerce.number().int().max(65535),
    TOKEN: z.string().min(10, "must be at least 10 characters"),
  };

  it("keeps usable values as given and reports unusable ones without their value", () => {
    expect(readEnvVariables(fields, { PORT: "8080", TOKEN: "short-tok", OTHER: "x" })).toEqual({
      input: { PORT: "8080" },
      problems: [{ variable: "TOKEN", message: "must be at least 10 characters" }],
    });
  });

  it("passes unset variables through for the defaults of the whole schema", () => {
    const optional = { LEVEL: z.string().optional() };
    expect(readEnvVariables(optional, {})).toEqual({ input: { LEVEL: undefined }, problems: [] });
  });
});
