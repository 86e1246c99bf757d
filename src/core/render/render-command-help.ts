import { SPEC_USAGE, SPEC_VERBS, type SpecCommand } from "../commands/spec-command.js";
import type { UnknownSpecName } from "../commands/validate-spec-names.js";

const list = (items: readonly string[]) => items.map((i) => `\`${i}\``).join(", ");

/** The `/spec help` reply, listing the commands and the spec names this repository has. */
export function renderCommandHelp(agentNames: readonly string[]): string {
  return [
    "**Specwright commands**",
    "",
    ...SPEC_VERBS.map((v) => `- \`${SPEC_USAGE[v].split(" — ")[0]}\` — ${SPEC_USAGE[v].split(" — ")[1]}`),
    "",
    agentNames.length
      ? `Spec names here: ${list(agentNames)} (or \`all\`).`
      : "This repository has no system-spec agents configured.",
  ].join("\n");
}

/** A reply to a command that could not be run as written: what was wrong, and the valid choices. */
export function renderCommandProblem(
  command: SpecCommand,
  unknownNames: readonly UnknownSpecName[],
  agentNames: readonly string[],
): string {
  const lines: string[] = [];
  if (command.kind === "unknown") {
    lines.push(`I don't know the command \`/spec ${command.verb}\`.`);
    if (command.suggestions.length)
      lines.push(`Did you mean ${list(command.suggestions.map((s) => `/spec ${s}`))}?`);
  } else if (command.kind === "invalid") {
    lines.push(command.message);
  }
  for (const u of unknownNames) {
    lines.push(
      `There is no spec named \`${u.name}\`.${u.suggestions.length ? ` Did you mean ${list(u.suggestions)}?` : ""}`,
    );
  }
  lines.push("", renderCommandHelp(agentNames));
  return lines.join("\n");
}
