/** A check-run annotation, in the shape of the checks API's `output.annotations[]`. */
export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: "failure" | "warning" | "notice";
  /** At most 255 characters. */
  title: string;
  /** Plain text, at most 64 KB. */
  message: string;
  raw_details?: string;
}

/** A check run's conclusion and `output` (without annotations). */
export interface CheckRunOutput {
  name: string;
  conclusion: "success" | "failure" | "neutral";
  title: string;
  /** Markdown, at most 65,535 characters. */
  summary: string;
}
