import type { CheckAnnotation as RenderedAnnotation } from "../core/render/check-run-types.js";
import type { CheckAnnotation } from "../ports/git-host.js";

/** The renderers' check-API-shaped annotations as the Git-host port takes them. */
export function toHostAnnotations(annotations: readonly RenderedAnnotation[]): CheckAnnotation[] {
  return annotations.map((a) => ({
    path: a.path,
    startLine: a.start_line,
    endLine: a.end_line,
    level: a.annotation_level,
    message: a.message,
    title: a.title,
    ...(a.raw_details !== undefined ? { rawDetails: a.raw_details } : {}),
  }));
}
