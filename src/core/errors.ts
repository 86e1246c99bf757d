/**
 * Named errors. Every error carries a `hint`: what the user should do next.
 * Messages are shown on GitHub and in the terminal, so they are written for people.
 */
export class SpecwrightError extends Error {
  override readonly name: string = "SpecwrightError";
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** One problem found in a config file: where it is and how to fix it. */
export interface ConfigProblem {
  file: string;
  line: number | undefined;
  column: number | undefined;
  /** Dotted key path, e.g. `systemSpecs.agents[2].phase`. Empty for syntax errors. */
  key: string;
  message: string;
}

/** The config file is invalid; `problems` lists every problem at once. */
export class ConfigError extends SpecwrightError {
  override readonly name = "ConfigError";
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? "" : "s"} in ${problems[0]?.file ?? "the config"}`,
      "Fix each problem listed (file:line:column, key) and run again. Specwright's JSON Schema (schema/specwright.schema.json in the Specwright repository) lets editors complete and check keys.",
    );
  }
}

/** A path left the repository (`..`, absolute, or a symlink pointing outside). */
export class PathEscapeError extends SpecwrightError {
  override readonly name = "PathEscapeError";
  constructor(
    readonly path: string,
    /** Why, e.g. `the symlink points at ../x, outside the repository`. */
    readonly reason: string,
  ) {
    super(
      `Refused path "${path}": ${reason}`,
      "Use a path relative to the repository root that stays inside it.",
    );
  }
}

/** The repository snapshot could not be read (unknown ref, API failure, archive too large…). */
export class SnapshotError extends SpecwrightError {
  override readonly name = "SnapshotError";
}

/** Bad command-line or command usage. */
export class UsageError extends SpecwrightError {
  override readonly name = "UsageError";
}
