import { totalInputTokens, type Usage } from "../pricing/usage.js";

/**
 * Formatters for the units Specwright shows on GitHub and in the terminal. Deterministic
 * (no locale lookups), so rendered text is the same on every machine.
 */

/** US dollars with two decimals: `$0.42`, `$1,234.50`; tiny non-zero amounts show as `<$0.01`; unknown as `—`. */
export function formatUsd(usd: number | undefined): string {
  if (usd === undefined || !Number.isFinite(usd) || usd < 0) return "—";
  if (usd > 0 && usd < 0.005) return "<$0.01";
  const [whole = "0", cents = "00"] = usd.toFixed(2).split(".");
  return `$${groupThousands(whole)}.${cents}`;
}

/** A token count with thousands separators: `12,345`. */
export function formatTokens(tokens: number): string {
  if (!Number.isFinite(tokens)) return "—";
  return `${tokens < 0 ? "-" : ""}${groupThousands(String(Math.round(Math.abs(tokens))))}`;
}

/** A duration: `45s`, `1m 23s`, `2h 5m`; under a second `<1s`; unknown or negative `—`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "—";
  if (ms === 0) return "0s";
  if (ms < 1000) return "<1s";
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${seconds % 60}s`;
  return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

/** The short form of a commit SHA (7 characters), as GitHub shows it. */
export function shortSha(sha: string): string {
  return /^[0-9a-f]{8,}$/i.test(sha) ? sha.slice(0, 7) : sha;
}

/** Token usage in one phrase: `12,345 in (10,000 cached) · 2,345 out`; input includes cache reads and writes. */
export function formatUsage(usage: Readonly<Usage>): string {
  const cached =
    usage.cacheReadInputTokens > 0 ? ` (${formatTokens(usage.cacheReadInputTokens)} cached)` : "";
  return `${formatTokens(totalInputTokens(usage))} in${cached} · ${formatTokens(usage.outputTokens)} out`;
}

/** `1 spec`, `2 specs`. */
export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count} ${count === 1 ? word : pluralWord}`;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
