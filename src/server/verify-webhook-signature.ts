import { verify } from "@octokit/webhooks-methods";

/**
 * True when `signature` (the `X-Hub-Signature-256` header, `sha256=<hex>`) is the HMAC-SHA256
 * of the request body under the webhook secret, checked in constant time by
 * `@octokit/webhooks-methods`. A missing header or an empty body is simply not a match.
 */
export async function verifyWebhookSignature(
  secret: string,
  body: string,
  signature: string | undefined,
): Promise<boolean> {
  if (!secret || !body || typeof signature !== "string" || !signature.startsWith("sha256=")) return false;
  return verify(secret, body, signature);
}
