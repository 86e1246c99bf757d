import { redactSecrets } from "../../core/redact-secrets.js";

/** Zero-width, bidi-override and other invisible characters that could hide instructions. */
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * User-written text (issue bodies, comments) made safe to hand to the model: HTML comments
 * (invisible on GitHub, so a reader cannot see what they say) and hidden characters removed,
 * secrets redacted, line endings normalised.
 */
export function cleanUserText(text: string): string {
  return redactSecrets(text)
    .replace(/\r\n?/g, "\n")
    .replace(/<!--[\s\S]*?(?:-->|$)/g, "")
    .replace(INVISIBLE, "")
    .replace(CONTROL, "")
    .trim();
}
