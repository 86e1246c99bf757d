import { describe, expect, it } from "vitest";
import { parseSpecCommand } from "../../../src/core/commands/parse-spec-command.js";
import { validateSpecNames } from "../../../src/core/commands/validate-spec-names.js";
import { renderCommandProblem } from "../../../src/core/render/render-command-help.js";

describe("parseSpecCommand", () => {
  it.each([
    [
      "/spec regenerate sessions-gateway",
      { kind: "regenerate", names: ["sessions-gateway"], withDependents: false, force: false },
    ],
    [
      "Please:\n\n/spec regenerate a b --with-dependents --force\n\nthanks",
      { kind: "regenerate", names: ["a", "b"], withDependents: true, force: true },
    ],
    ["/spec regenerate all", { kind: "regenerate", names: ["all"], withDependents: false, force: false }],
    ["  /spec check  ", { kind: "check" }],
    ["/spec plan", { kind: "plan", names: [] }],
    ["/spec plan billing cli", { kind: "plan", names: ["billing", "cli"] }],
    ["/spec", { kind: "help" }],
    ["/spec HELP", { kind: "help" }],
    ["/spec revise Explain the retry policy.", { kind: "revise", feedback: "Explain the retry policy." }],
    [
      "/spec revise\nCover the outbox.\n\n- and cite files",
      { kind: "revise", feedback: "Cover the outbox.\n\n- and cite files" },
    ],
    ["/spec regenrate all", { kind: "unknown", verb: "regenrate", suggestions: ["regenerate"] }],
    ["/spec deploy", { kind: "unknown", verb: "deploy", suggestions: [] }],
    [
      "/spec regenerate",
      { kind: "invalid", verb: "regenerate", message: expect.stringContaining("Name the specs") },
    ],
    [
      "/spec regenerate a --fast",
      { kind: "invalid", verb: "regenerate", message: expect.stringContaining("--fast") },
    ],
    ["/spec check now", { kind: "invalid", verb: "check", message: "/spec check takes no arguments." }],
    [
      "/spec revise",
      { kind: "invalid", verb: "revise", message: expect.stringContaining("Say what to change") },
    ],
    ["/spec check\r\n", { kind: "check" }],
  ])("%j", (body, expected) => {
    expect(parseSpecCommand(body)).toEqual(expected);
  });

  it.each([
    ["no command", "Looks good to me"],
    ["a command mid-sentence", "you can run /spec check later"],
    ["a command in a fenced code block", "Try:\n\n```\n/spec regenerate all\n```"],
    ["a command in inline code", "`/spec regenerate all`"],
    ["a quoted command", "> /spec regenerate all\n\nDone, see the PR."],
    ["a command in an HTML comment", "<!--\n/spec regenerate all\n-->"],
    ["a lookalike", "/specification please"],
  ])("ignores %s", (_name, body) => {
    expect(parseSpecCommand(body)).toBeUndefined();
  });
});

describe("validateSpecNames and the problem reply", () => {
  const known = ["sessions-gateway", "sandbox-providers", "billing"];

  it("lists unknown names with suggestions, accepting all", () => {
    expect(validateSpecNames(["all", "sesions-gateway", "billing", "nope"], known)).toEqual([
      { name: "sesions-gateway", suggestions: ["sessions-gateway"] },
      { name: "nope", suggestions: [] },
    ]);
  });

  it("replies with the problem, a did-you-mean and the valid names", () => {
    const command = parseSpecCommand("/spec regenerate sesions-gateway");
    if (!command) throw new Error("expected a command");
    const reply = renderCommandProblem(command, validateSpecNames(["sesions-gateway"], known), known);
    expect(reply).toContain("There is no spec named `sesions-gateway`. Did you mean `sessions-gateway`?");
    expect(reply).toContain(
      "Spec names here: `sessions-gateway`, `sandbox-providers`, `billing` (or `all`).",
    );
    expect(reply).toContain("`/spec revise <feedback>`");
  });
});
