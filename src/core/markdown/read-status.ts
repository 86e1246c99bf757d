/** The four feature statuses the boundary brief allows. */
export const FEATURE_STATUSES = ["Implemented", "Partial", "Planned", "Deprecated"] as const;
/** One of the allowed feature statuses. */
export type FeatureStatus = (typeof FEATURE_STATUSES)[number];

/** A status as written, read against the allowed vocabulary. */
export interface StatusReading {
  /** The text as written (trimmed). */
  raw: string;
  /** The allowed status it names, when it names one confidently (case, emphasis, emoji and a trailing note ignored). */
  status: FeatureStatus | undefined;
  /** For a status outside the vocabulary: the allowed status it most likely means. */
  suggestion: FeatureStatus | undefined;
}

const VARIANTS: Record<string, FeatureStatus> = {
  done: "Implemented",
  complete: "Implemented",
  completed: "Implemented",
  shipped: "Implemented",
  live: "Implemented",
  stable: "Implemented",
  "fully implemented": "Implemented",
  ga: "Implemented",
  "in production": "Implemented",
  "partially implemented": "Partial",
  partially: "Partial",
  "partly implemented": "Partial",
  "in progress": "Partial",
  "in-progress": "Partial",
  wip: "Partial",
  "work in progress": "Partial",
  beta: "Partial",
  alpha: "Partial",
  experimental: "Partial",
  stub: "Partial",
  stubbed: "Partial",
  incomplete: "Partial",
  mvp: "Partial",
  todo: "Planned",
  "to do": "Planned",
  "not started": "Planned",
  "not implemented": "Planned",
  proposed: "Planned",
  future: "Planned",
  backlog: "Planned",
  roadmap: "Planned",
  "on roadmap": "Planned",
  removed: "Deprecated",
  legacy: "Deprecated",
  obsolete: "Deprecated",
  sunset: "Deprecated",
  retired: "Deprecated",
  dead: "Deprecated",
  "dead code": "Deprecated",
};

const EMOJI_VARIANTS: Record<string, FeatureStatus> = {
  "✅": "Implemented",
  "✔": "Implemented",
  "🟢": "Implemented",
  "🟡": "Partial",
  "🚧": "Partial",
  "🔶": "Partial",
  "📋": "Planned",
  "🔜": "Planned",
  "⏳": "Planned",
  "🗓": "Planned",
  "🗑": "Deprecated",
  "⛔": "Deprecated",
};

const EMOJI = /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|\uFE0F|\u200D/gu;

/** Reads a status cell or inline value: `✅ Implemented`, `**partial** (no retries)`, `Done`, `WIP`. */
export function readStatus(raw: string): StatusReading {
  const trimmed = raw.trim();
  const emoji = [...trimmed.matchAll(EMOJI)].map((m) => m[0]).find((e) => e in EMOJI_VARIANTS);
  const cleaned = trimmed
    .replace(EMOJI, " ")
    .replace(/[*_~`]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  const lower = cleaned.toLowerCase().replace(/[.!]+$/, "");
  for (const status of FEATURE_STATUSES) {
    const s = status.toLowerCase();
    if (lower === s || (lower.startsWith(s) && /^[\s(—–:,;/-]/.test(lower.slice(s.length)))) {
      return { raw: trimmed, status, suggestion: undefined };
    }
  }
  const head = lower.split(/\s*[(—–:;,]\s*|\s+-\s+/)[0] ?? "";
  const suggestion =
    VARIANTS[lower] ?? VARIANTS[head] ?? (lower === "" && emoji ? EMOJI_VARIANTS[emoji] : undefined);
  return { raw: trimmed, status: undefined, suggestion };
}
