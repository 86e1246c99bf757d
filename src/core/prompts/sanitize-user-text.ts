import { redactSecrets } from "../redact-secrets.js";

/** What `sanitizeUserText` removed, for logs and notes ("2 hidden comments removed"). */
export interface SanitizeCounts {
  /** HTML comments (`<!-- … -->`, also an unterminated one) and `[//]: # (…)` comment lines. */
  comments: number;
  /** Invisible characters: controls, zero-width, bidi controls, Unicode tags, variation-selector runs. */
  hiddenCharacters: number;
  /** Credentials replaced by `[REDACTED]`. */
  secrets: number;
}

/** User-provided text made safe to put in a prompt. */
export interface SanitizedText {
  text: string;
  removed: SanitizeCounts;
}

/**
 * Characters a reader of the rendered markdown cannot see: C0/C1 controls other than tab and
 * newline, soft hyphen, Arabic letter mark, Mongolian vowel separator, zero-width characters and
 * joiners, bidi embeddings/overrides/isolates and marks, word joiner and invisible operators,
 * the BOM, text variation selectors (U+FE00–U+FE0E), and the Unicode tag and variation-selector
 * supplement blocks (used to smuggle invisible ASCII into text).
 */
const HIDDEN =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class -- matching invisible characters (controls, lone variation selectors) is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufe00-\ufe0e\ufeff\u{e0000}-\u{e007f}\u{e0100}-\u{e01ef}]/gu;
/** A run of emoji-presentation selectors: one is legitimate, a run can carry hidden data. */
const SELECTOR_RUN = /\ufe0f{2,}/g;
/** HTML comments, also one left open to the end of the text (it hides everything after it). */
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
/** The markdown comment idiom: a link reference definition to `#` that renders as nothing. */
const LINK_COMMENT =
  /^ {0,3}\[[^\]\n]*\]:[ \t]*(?:#|<>)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$\n?/gm;

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

/**
 * Cleans text a user wrote (a discovery document, an issue, review feedback) before it goes
 * into a prompt, so nothing reaches the model that a human reviewing the document on GitHub
 * could not see: removes invisible characters (see above) first, then HTML comments (even inside
 * code blocks; an unterminated `<!--` removes the rest of the text, which GitHub would not show
 * either) and `[//]: # (…)` comment lines, and replaces credentials with `[REDACTED]`. Line
 * endings become `\n`; everything visible is kept as written. Pure.
 */
export function sanitizeUserText(input: string): SanitizedText {
  let text = input.replace(/\r\n?/g, "\n");
  const hiddenCharacters =
    count(text, HIDDEN) + (text.match(SELECTOR_RUN) ?? []).reduce((n, run) => n + run.length - 1, 0);
  text = text.replace(HIDDEN, "").replace(SELECTOR_RUN, "\ufe0f");
  let comments = count(text, HTML_COMMENT);
  text = text.replace(HTML_COMMENT, "");
  comments += count(text, LINK_COMMENT);
  text = text.replace(LINK_COMMENT, "");
  const redacted = redactSecrets(text);
  const secrets = count(redacted, /\[REDACTED\]/g) - count(text, /\[REDACTED\]/g);
  return { text: redacted, removed: { comments, hiddenCharacters, secrets } };
}
