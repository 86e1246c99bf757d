import { redactSecrets } from "../redact-secrets.js";

/**
 * Sanitisers for text that came from users, repositories or the model before it is put into
 * markdown we post on GitHub or print in a terminal. Every one redacts secrets first.
 */

/** ANSI escape sequences (colours, cursor moves) that could rewrite a terminal line. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g;
/** Control characters (except tab and newline), zero-width and bidi-override characters, soft hyphens. */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;
/** HTML comments (also an unterminated one): they could hide text or forge our markers. */
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

function cleanCharacters(text: string): string {
  return redactSecrets(text).replace(ANSI, "").replace(/\r\n?/g, "\n").replace(INVISIBLE, "");
}

function cap(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, Math.max(0, maxLength - 1));
  // Never leave half of a surrogate pair at the end.
  return `${/[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * Makes untrusted text safe to place inline in GitHub markdown (a list item, a sentence):
 * one line, no HTML comments or tags, no hidden characters, `@mentions` that do not ping,
 * no embedded images, at most `maxLength` characters.
 */
export function sanitizeInline(text: string, maxLength = 2000): string {
  const cleaned = cleanCharacters(text)
    .replace(HTML_COMMENT, "")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/!\[/g, "!\\[")
    .replace(/(^|[^\w`&])@(?=[A-Za-z0-9])/g, "$1@&#8203;");
  return cap(oneLine(cleaned), maxLength);
}

/**
 * Untrusted text as an inline code span (paths, names, commands). Backticks inside are kept
 * by choosing a longer fence.
 */
export function codeSpan(text: string, maxLength = 500): string {
  const cleaned = cap(oneLine(cleanCharacters(text)), maxLength);
  if (cleaned === "") return "` `";
  const longestRun = Math.max(0, ...(cleaned.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const pad = longestRun > 0 ? " " : "";
  return `${fence}${pad}${cleaned}${pad}${fence}`;
}

/** Escapes an already-rendered inline markdown fragment for a GFM table cell (`|` would split it). */
export function tableCell(markdown: string): string {
  return markdown.replace(/\|/g, "\\|");
}

/**
 * Untrusted text for plain-text outputs (terminal lines, check-run annotation messages):
 * redacted, no escape sequences or hidden characters, one line, at most `maxLength` characters.
 */
export function plainText(text: string, maxLength = 2000): string {
  return cap(oneLine(cleanCharacters(text)), maxLength);
}

/** Text reduced to characters that are safe inside our hidden HTML markers (`[A-Za-z0-9._/:-]`). */
export function markerSafe(text: string): string {
  return (
    cleanCharacters(text)
      .replace(/[^A-Za-z0-9._/:-]/g, "-")
      .slice(0, 200) || "-"
  );
}

/** An http(s) URL safe to put in a markdown link target, or `undefined` for anything else. */
export function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const trimmed = url.trim();
  if (!/^https?:\/\/[^\s<>()"'`]+$/i.test(trimmed)) return undefined;
  return redactSecrets(trimmed) === trimmed ? trimmed : undefined;
}
