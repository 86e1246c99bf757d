import { z } from "zod";
import { SpecwrightError } from "../../core/errors.js";
import type { ToolDefinition } from "../../ports/model.js";

/** What a tool call returns to the model. `isError` results tell the model what went wrong. */
export interface ToolOutcome {
  content: string;
  isError: boolean;
}

/** Per-call context. */
export interface ToolCallContext {
  signal?: AbortSignal;
}

/** A tool the agent loop can run: its definition for the model and the code behind it. */
export interface AgentTool {
  readonly definition: ToolDefinition;
  /** Runs the tool on the model's raw input. Never throws for bad input: returns an error outcome. */
  run(input: unknown, context?: ToolCallContext): Promise<ToolOutcome>;
}

/** An error outcome. */
export function toolError(content: string): ToolOutcome {
  return { content, isError: true };
}

/** Lists zod issues as `- field: message` lines a model can act on. */
export function formatInputIssues(toolName: string, error: z.ZodError): string {
  const lines = error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join(".") : "input";
    return `- ${where}: ${issue.message}`;
  });
  return `Invalid input for ${toolName}:\n${lines.join("\n")}`;
}

/** The JSON Schema of a zod object schema, as the model sees it (input side, no `$schema`). */
export function toInputSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: "input" }) as Record<string, unknown>;
  return rest;
}

/** How to build a tool with `defineTool`. */
export interface ToolSpec<S extends z.ZodType> {
  name: string;
  description: string;
  schema: S;
  run(input: z.output<S>, context: ToolCallContext): Promise<ToolOutcome>;
}

/**
 * Builds an `AgentTool` from a zod schema: the JSON Schema for the model comes from the zod
 * schema, inputs are validated before `run` (invalid input → an error outcome listing every
 * problem), and a `SpecwrightError` thrown by `run` (path refused, snapshot failure) becomes an
 * error outcome in plain words. Other exceptions are bugs and propagate.
 */
export function defineTool<S extends z.ZodType>(spec: ToolSpec<S>): AgentTool {
  return {
    definition: { name: spec.name, description: spec.description, inputSchema: toInputSchema(spec.schema) },
    async run(input, context = {}) {
      const parsed = spec.schema.safeParse(input);
      if (!parsed.success) return toolError(formatInputIssues(spec.name, parsed.error));
      try {
        return await spec.run(parsed.data, context);
      } catch (error) {
        if (error instanceof SpecwrightError) return toolError(`${spec.name} failed: ${error.message}`);
        throw error;
      }
    },
  };
}
