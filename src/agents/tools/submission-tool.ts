import type { z } from "zod";
import type { ToolDefinition } from "../../ports/model.js";
import { formatInputIssues, toInputSchema } from "./agent-tool.js";

/**
 * The tool whose call ends an agent loop (`submit_spec` for specs; a structured report tool
 * for reviews): its definition for the model and how its raw input becomes the submitted value.
 */
export interface SubmissionTool<T> {
  readonly definition: ToolDefinition;
  /** Checks the model's input; an `error` goes back to the model as an error result. */
  parse(input: unknown): { ok: true; value: T } | { ok: false; error: string };
}

/** How to build a submission tool with `defineSubmissionTool`. */
export interface SubmissionToolSpec<S extends z.ZodType, T> {
  name: string;
  description: string;
  schema: S;
  /** Turns the validated input into the submitted value. */
  toValue(input: z.output<S>): T;
}

/**
 * Builds a `SubmissionTool` from a zod schema: the model sees the schema as JSON Schema, and
 * invalid input is answered with every problem listed (`- field: message`).
 */
export function defineSubmissionTool<S extends z.ZodType, T>(
  spec: SubmissionToolSpec<S, T>,
): SubmissionTool<T> {
  return {
    definition: { name: spec.name, description: spec.description, inputSchema: toInputSchema(spec.schema) },
    parse(input) {
      const parsed = spec.schema.safeParse(input);
      return parsed.success
        ? { ok: true, value: spec.toValue(parsed.data) }
        : { ok: false, error: formatInputIssues(spec.name, parsed.error) };
    },
  };
}
