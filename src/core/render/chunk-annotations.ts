import type { CheckAnnotation } from "./check-run-types.js";

/** The checks API accepts at most this many annotations per request. */
export const ANNOTATIONS_PER_REQUEST = 50;

/**
 * Splits annotations into batches of at most `size` (default 50, the API's limit): the first
 * batch goes with the create request, the rest with one update request each.
 */
export function chunkAnnotations(
  annotations: readonly CheckAnnotation[],
  size: number = ANNOTATIONS_PER_REQUEST,
): CheckAnnotation[][] {
  const step = Number.isInteger(size) && size > 0 ? size : ANNOTATIONS_PER_REQUEST;
  const chunks: CheckAnnotation[][] = [];
  for (let i = 0; i < annotations.length; i += step) chunks.push(annotations.slice(i, i + step));
  return chunks;
}
