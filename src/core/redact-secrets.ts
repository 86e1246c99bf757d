/** Patterns of credentials that must never appear in posted text or logs. */
const SECRET_PATTERNS: readonly RegExp[] = [
  /sk-ant-[A-Za-z0-9_-]{8,}/g, // Anthropic API keys
  /\bgh[pousr]_[A-Za-z0-9]{20,}\b/g, // GitHub tokens
  /\bgithub_pat_[A-Za-z0-9_]{20,}\b/g,
  /\bv1\.[0-9a-f]{40}\b/g, // GitHub installation tokens (legacy format)
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
  /\b(Bearer|token)\s+[A-Za-z0-9._~+/-]{16,}=*/gi,
];

/** Environment variables whose values are secrets wherever they appear. */
const SECRET_ENV_KEYS = /(KEY|TOKEN|SECRET|PASSWORD|PRIVATE)/i;

/** Whether an environment variable's name says its value is a secret (`PRIVATE_KEY`, `…_TOKEN`). */
export function isSecretVariable(name: string): boolean {
  return SECRET_ENV_KEYS.test(name);
}

/**
 * Replaces credentials in `text` with `[REDACTED]`: known token shapes, plus the literal values
 * of secret-looking environment variables (when `env` is given). Pure.
 */
export function redactSecrets(text: string, env: Readonly<Record<string, string | undefined>> = {}): string {
  let out = text;
  for (const [key, value] of Object.entries(env)) {
    if (value && value.length >= 8 && isSecretVariable(key)) out = out.split(value).join("[REDACTED]");
  }
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, "[REDACTED]");
  return out;
}
