import type { Model } from "@anthropic-ai/sdk/resources/messages/messages";
import { describe, expect, it } from "vitest";
import { DEFAULT_MODEL } from "../../../src/core/config/config-schema.js";

/** The SDK's known model ids, without its open-ended `string & {}` member. */
type KnownModel = Model extends infer U ? (U extends string ? (string extends U ? never : U) : never) : never;

describe("DEFAULT_MODEL", () => {
  it("is a model id the installed SDK knows (checked by the typecheck, so an SDK upgrade that drops it fails CI)", () => {
    const known: KnownModel = DEFAULT_MODEL;
    expect(known).toMatch(/^claude-sonnet-/);
  });
});
