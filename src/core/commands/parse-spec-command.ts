import type { RootContent } from "mdast";
import { parseMarkdown } from "../markdown/parse-markdown.js";
import { suggestNames } from "./suggest-names.js";
import { SPEC_VERBS, type SpecCommand, type SpecVerb } from "./spec-command.js";

const COMMAND_LINE = /^\/spec(?:\s+(\S+))?(?:\s+(.*))?$/;

/** Lines of the comment that are plain prose: not inside code blocks, block quotes or HTML. */
function proseLineNumbers(body: string): Set<number> {
  const tree = parseMarkdown(body);
  const excluded = new Set<number>();
  const exclude = (node: RootContent) => {
    if (["code", "blockquote", "html"].includes(node.type) && node.position) {
      for (let l = node.position.start.line; l <= node.position.end.line; l++) excluded.add(l);
    }
    if ("children" in node && node.type !== "blockquote") (node.children as RootContent[]).forEach(exclude);
  };
  tree.children.forEach(exclude);
  const lines = new Set<number>();
  body.split("\n").forEach((_, i) => {
    if (!excluded.has(i + 1)) lines.add(i + 1);
  });
  return lines;
}

function parseArgs(verb: SpecVerb, rest: string, following: string): SpecCommand {
  const words = rest.trim().split(/\s+/).filter(Boolean);
  const flags = words.filter((w) => w.startsWith("--"));
  const names = words.filter((w) => !w.startsWith("--"));
  const allowed: Record<SpecVerb, string[]> = {
    regenerate: ["--with-dependents", "--force"],
    plan: [],
    check: [],
    help: [],
    revise: [],
  };
  if (verb !== "revise") {
    const unknown = flags.filter((f) => !allowed[verb].includes(f));
    if (unknown.length > 0) {
      return {
        kind: "invalid",
        verb,
        message: `Unknown option${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")} for /spec ${verb}.${allowed[verb].length ? ` Options: ${allowed[verb].join(", ")}.` : ""}`,
      };
    }
  }
  switch (verb) {
    case "regenerate":
      if (names.length === 0) {
        return {
          kind: "invalid",
          verb,
          message: "Name the specs to regenerate, or `all`: /spec regenerate <name…|all>.",
        };
      }
      return {
        kind: "regenerate",
        names,
        withDependents: flags.includes("--with-dependents"),
        force: flags.includes("--force"),
      };
    case "plan":
      return { kind: "plan", names };
    case "check":
    case "help":
      return names.length > 0
        ? { kind: "invalid", verb, message: `/spec ${verb} takes no arguments.` }
        : { kind: verb };
    case "revise": {
      const feedback = [rest.trim(), following.trim()].filter(Boolean).join("\n");
      return feedback
        ? { kind: "revise", feedback }
        : { kind: "invalid", verb, message: "Say what to change: /spec revise <feedback>." };
    }
  }
}

/**
 * Finds the first `/spec` command at the start of a prose line of a comment and parses it.
 * Commands inside code blocks, inline code, block quotes (replies quoting an earlier command)
 * and HTML comments are ignored. Returns `undefined` when the comment holds no command.
 * For `/spec revise`, the feedback is the rest of the line plus everything after it.
 */
export function parseSpecCommand(body: string): SpecCommand | undefined {
  const normalized = body.replace(/\r\n?/g, "\n");
  const prose = proseLineNumbers(normalized);
  const lines = normalized.split("\n");
  for (const [i, raw] of lines.entries()) {
    if (!prose.has(i + 1)) continue;
    const match = COMMAND_LINE.exec(raw.trim());
    if (!match) continue;
    const verb = (match[1] ?? "help").toLowerCase();
    if (!(SPEC_VERBS as readonly string[]).includes(verb)) {
      return { kind: "unknown", verb, suggestions: suggestNames(verb, SPEC_VERBS) };
    }
    return parseArgs(verb as SpecVerb, match[2] ?? "", lines.slice(i + 1).join("\n"));
  }
  return undefined;
}
