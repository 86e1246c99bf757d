import { createHash } from "node:crypto";

/** Longest slug `slugify` returns. */
export const MAX_SLUG_LENGTH = 60;

/** The slug of a title with no usable characters at all. */
export const FALLBACK_SLUG = "spec";

/**
 * The `{slug}` of an implementation spec's path from a title (a discovery document's or an
 * issue's): lower-case ASCII letters and digits separated by single dashes, accents folded
 * (`Café Über` → `cafe-uber`), at most `MAX_SLUG_LENGTH` characters (cut at a dash when one is
 * near the end). Never empty: a blank title gives `spec`, a title with no Latin letters or digits
 * (`日本語の仕様`) gives `spec-` plus 8 hex digits of its hash, so different titles keep different paths.
 */
export function slugify(title: string): string {
  const words = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/[æÆ]/g, "ae")
    .replace(/[øØ]/g, "o")
    .replace(/[œŒ]/g, "oe")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (words === "") {
    const trimmed = title.trim();
    if (trimmed === "") return FALLBACK_SLUG;
    return `${FALLBACK_SLUG}-${createHash("sha256").update(trimmed).digest("hex").slice(0, 8)}`;
  }
  if (words.length <= MAX_SLUG_LENGTH) return words;
  const cut = words.slice(0, MAX_SLUG_LENGTH);
  const dash = cut.lastIndexOf("-");
  // Cut at a word boundary unless that would throw away more than a third of the slug.
  return (dash >= (MAX_SLUG_LENGTH * 2) / 3 ? cut.slice(0, dash) : cut).replace(/-+$/, "");
}
