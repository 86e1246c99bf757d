import { describe, expect, it } from "vitest";
import { redactSecrets } from "../../src/core/redact-secrets.js";

describe("redactSecrets", () => {
  it.each([
    ["an Anthropic key", "key sk-ant-api03-abcdefghijklmnop failed", "key [REDACTED] failed"],
    ["a GitHub token", "push with ghs_abcdefghijklmnopqrstuvwx1234", "push with [REDACTED]"],
    ["a bearer header", "Authorization: Bearer abcdefghijklmnopqrstu", "Authorization: [REDACTED]"],
    [
      "a private key",
      "x -----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY----- y",
      "x [REDACTED] y",
    ],
    ["ordinary text", "the token budget was hit", "the token budget was hit"],
  ])("redacts %s", (_name, input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it("redacts the values of secret environment variables wherever they appear", () => {
    const env = { WEBHOOK_SECRET: "hunter2-but-longer", HOME: "/home/somebody" };
    expect(redactSecrets("secret=hunter2-but-longer home=/home/somebody", env)).toBe(
      "secret=[REDACTED] home=/home/somebody",
    );
  });
});
