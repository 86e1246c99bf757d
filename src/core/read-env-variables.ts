import type { z } from "zod";

/** A variable that was set but unusable (its value is never repeated: it may be a secret). */
export interface EnvVariableProblem<Name extends string = string> {
  variable: Name;
  message: string;
}

/**
 * Checks each environment variable against its own schema: the usable ones are returned as
 * they were given (for the whole object's schema to parse, applying defaults), every unusable one
 * is left out (so its default applies) and reported without its value. Pure.
 */
export function readEnvVariables<Name extends string>(
  fields: Readonly<Record<Name, z.ZodType>>,
  env: Readonly<Record<string, string | undefined>>,
): { input: Record<string, unknown>; problems: EnvVariableProblem<Name>[] } {
  const input: Record<string, unknown> = {};
  const problems: EnvVariableProblem<Name>[] = [];
  for (const variable of Object.keys(fields) as Name[]) {
    const result = fields[variable].safeParse(env[variable]);
    if (result.success) input[variable] = env[variable];
    else problems.push({ variable, message: result.error.issues[0]?.message ?? "invalid value" });
  }
  return { input, problems };
}
