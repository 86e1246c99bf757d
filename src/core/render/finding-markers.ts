import { markerSafe } from "./sanitize-text.js";

const FINDING_MARKER = /<!--\s*specwright:finding:([A-Za-z0-9._/:-]+)\s*-->/g;

/** The hidden marker that ties a posted comment or summary row to a finding's stable id. */
export function findingMarker(findingId: string): string {
  return `<!-- specwright:finding:${markerSafe(findingId)} -->`;
}

/** Marks a comment whose finding is gone, so a later run does not resolve it again. */
export const RESOLVED_MARKER = "<!-- specwright:resolved -->";

/** The finding ids in the hidden markers of `text`, each once, in order of appearance. */
export function parseFindingMarkers(text: string): string[] {
  return [...new Set([...text.matchAll(FINDING_MARKER)].map((match) => match[1] as string))];
}
