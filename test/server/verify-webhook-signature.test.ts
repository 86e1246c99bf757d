import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyWebhookSignature } from "../../src/server/verify-webhook-signature.js";

const SECRET = "It's a Secret to Everybody";
const BODY = "Hello, World!";
// GitHub's documented test vector for X-Hub-Signature-256.
const GITHUB_EXAMPLE = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

describe("verifyWebhookSignature", () => {
  it("accepts GitHub's documented example signature", async () => {
    expect(await verifyWebhookSignature(SECRET, BODY, GITHUB_EXAMPLE)).toBe(true);
  });

  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["without the sha256= prefix", GITHUB_EXAMPLE.slice(7)],
    ["the legacy sha1 header form", `sha1=${createHmac("sha1", SECRET).update(BODY).digest("hex")}`],
    ["truncated", GITHUB_EXAMPLE.slice(0, -2)],
    ["signed with another secret", `sha256=${createHmac("sha256", "other").update(BODY).digest("hex")}`],
  ])("rejects a signature that is %s", async (_what, signature) => {
    expect(await verifyWebhookSignature(SECRET, BODY, signature)).toBe(false);
  });

  it("rejects the right signature over a different or empty body", async () => {
    expect(await verifyWebhookSignature(SECRET, "Hello, World?", GITHUB_EXAMPLE)).toBe(false);
    expect(await verifyWebhookSignature(SECRET, "", GITHUB_EXAMPLE)).toBe(false);
  });
});
