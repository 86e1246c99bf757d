import { describe, expect, it } from "vitest";
import { commandJobRequest } from "../../src/handlers/command-job-request.js";
import type { CommandJob } from "../../src/jobs/job-payload.js";

const base: CommandJob = {
  kind: "command",
  repo: { installationId: 1, owner: "orbit", repo: "books", defaultBranch: "main" },
  conversation: { number: 12, isPullRequest: false, title: "Gift wrapping", labels: [] },
  commentId: 9001,
  sender: "Alice-Dev",
  command: { kind: "help" },
};
const job = (command: CommandJob["command"], change: Partial<CommandJob> = {}): CommandJob => ({
  ...base,
  command,
  ...change,
});

describe("commandJobRequest", () => {
  it.each<[string, CommandJob, string, string]>([
    [
      "regenerate: names sorted, flags in the key, system-specs lane",
      job({ kind: "regenerate", names: ["cart", "catalog", "cart"], withDependents: true, force: false }),
      "orbit/books:regenerate:cart,catalog:d:#12:alice-dev",
      "orbit/books#specwright/system-specs",
    ],
    [
      "regenerate of the issue's implementation spec: that branch's lane",
      job({ kind: "regenerate", names: ["spec-12-gift-wrapping"], withDependents: false, force: true }),
      "orbit/books:regenerate:spec-12-gift-wrapping:f:#12:alice-dev",
      "orbit/books#specwright/spec-12-gift-wrapping",
    ],
    [
      "regenerate of a system agent named spec-…: the system-specs lane, where the job writes",
      job({ kind: "regenerate", names: ["spec-foo"], withDependents: false, force: false }),
      "orbit/books:regenerate:spec-foo::#12:alice-dev",
      "orbit/books#specwright/system-specs",
    ],
    [
      "regenerate of the issue's spec mixed with agent names: the system-specs lane (the job refuses it)",
      job({
        kind: "regenerate",
        names: ["spec-12-gift-wrapping", "catalog"],
        withDependents: false,
        force: false,
      }),
      "orbit/books:regenerate:catalog,spec-12-gift-wrapping::#12:alice-dev",
      "orbit/books#specwright/system-specs",
    ],
    [
      "regenerate spec-<slug> on a pull request: that spec's branch lane",
      job(
        { kind: "regenerate", names: ["spec-gift-wrapping"], withDependents: false, force: false },
        { conversation: { number: 40, isPullRequest: true, title: "Spec: Gift wrapping", labels: [] } },
      ),
      "orbit/books:regenerate:spec-gift-wrapping::#40:alice-dev",
      "orbit/books#specwright/spec-gift-wrapping",
    ],
    ["check", job({ kind: "check" }), "orbit/books:check:#12:alice-dev", "orbit/books#conversation-12"],
    [
      "plan",
      job({ kind: "plan", names: ["cart", "catalog"] }),
      "orbit/books:plan:cart,catalog:#12:alice-dev",
      "orbit/books#conversation-12",
    ],
    [
      "unknown: never coalesced",
      job({ kind: "unknown", verb: "x", suggestions: [] }),
      "orbit/books:reply:9001",
      "orbit/books#conversation-12",
    ],
  ])("%s", (_name, input, key, lane) => {
    expect(commandJobRequest(input, "d-1")).toMatchObject({ key, lane, deliveryId: "d-1", payload: input });
  });

  it("gives the same key to the same command by the same person, and different ones otherwise", () => {
    const regenerate = { kind: "regenerate" as const, names: ["all"], withDependents: false, force: false };
    const a = commandJobRequest(job(regenerate), "d-1").key;
    expect(commandJobRequest(job(regenerate, { commentId: 9005 }), "d-2").key).toBe(a);
    expect(commandJobRequest(job(regenerate, { sender: "bob" }), "d-3").key).not.toBe(a);
    expect(commandJobRequest(job({ ...regenerate, force: true }), "d-4").key).not.toBe(a);
    const revise = (feedback: string) => commandJobRequest(job({ kind: "revise", feedback }), "d").key;
    expect(revise("Shorter please")).toBe(revise("Shorter please"));
    expect(revise("Shorter please")).not.toBe(revise("Longer please"));
  });
});
