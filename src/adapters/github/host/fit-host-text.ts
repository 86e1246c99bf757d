import { redactSecrets } from "../../../core/redact-secrets.js";

/** GitHub's limits on posted text, in characters (kept a little below the documented maxima). */
export const TEXT_LIMITS = {
  /** Comments, PR and review bodies (65,536), check-run summary and text (65,535). */
  body: 65_000,
  /** Check-run annotation message and raw details (64 KB, in bytes: 4 bytes per character at worst). */
  annotation: 16_000,
  /** Check-run annotation title. */
  annotationTitle: 255,
  /** PR and check-run titles. */
  title: 256,
  /** Commit status description. */
  statusDescription: 140,
} as const;

/**
 * Prepares text for posting on GitHub: redacts credentials (`redactSecrets`, with `env` so the
 * values of secret-looking environment variables such as `WEBHOOK_SECRET` are caught even when
 * they match no known token shape), then cuts it to `limit` characters without splitting a
 * surrogate pair, ending with a short note (or `…` for limits under 1,000 characters) so readers
 * know it was cut.
 */
export function fitHostText(
  text: string,
  limit: number,
  env: Readonly<Record<string, string | undefined>> = {},
): string {
  const clean = redactSecrets(text, env);
  if (clean.length <= limit) return clean;
  const note = limit < 1000 ? "…" : "\n\n…(cut to fit GitHub's size limit)";
  let end = Math.max(0, limit - note.length);
  const last = clean.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return clean.slice(0, end) + note;
}
