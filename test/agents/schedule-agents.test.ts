import { describe, expect, it } from "vitest";
import { scheduleAgents, type SchedulableAgent } from "../../src/agents/schedule-agents.js";

/** A run function whose agents finish when the test says so, recording the order of events. */
function controlledRun(fail: Record<string, string> = {}) {
  const events: string[] = [];
  const pending = new Map<string, () => void>();
  const run = (name: string) =>
    new Promise<{ ok: true; value: string } | { ok: false; reason: string }>((resolve) => {
      events.push(`start ${name}`);
      pending.set(name, () =>
        resolve(fail[name] ? { ok: false, reason: fail[name] } : { ok: true, value: `${name}.md` }),
      );
    });
  const finish = async (name: string) => {
    const done = pending.get(name);
    if (!done) throw new Error(`${name} is not running (events: ${events.join(", ")})`);
    pending.delete(name);
    done();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { events, run, finish, running: () => [...pending.keys()].sort() };
}

const seedLike: SchedulableAgent[] = [
  { name: "contract", phase: 1, dependsOn: [] },
  { name: "sandbox", phase: 1, dependsOn: [] },
  { name: "sessions", phase: 2, dependsOn: ["contract", "sandbox"] },
  { name: "triggers", phase: 2, dependsOn: [] },
  { name: "repos", phase: 3, dependsOn: ["sessions"] },
];

describe("scheduleAgents", () => {
  it("starts an agent as soon as its own dependencies succeed, not when the whole phase ends", async () => {
    const c = controlledRun();
    const phasesSettled: number[] = [];
    const done = scheduleAgents(seedLike, c.run, {
      concurrency: 4,
      onPhaseSettled: (p) => void phasesSettled.push(p),
    });
    await new Promise((r) => setTimeout(r, 0));
    expect(c.running()).toEqual(["contract", "sandbox", "triggers"]);
    await c.finish("contract");
    await c.finish("sandbox");
    expect(c.running()).toEqual(["sessions", "triggers"]);
    expect(phasesSettled).toEqual([1]);
    await c.finish("sessions");
    expect(c.running()).toEqual(["repos", "triggers"]);
    await c.finish("repos");
    expect(phasesSettled).toEqual([1]);
    await c.finish("triggers");
    const outcomes = await done;
    expect(phasesSettled).toEqual([1, 2, 3]);
    expect(outcomes.map((o) => `${o.name}:${o.status}`)).toEqual([
      "contract:succeeded",
      "sandbox:succeeded",
      "sessions:succeeded",
      "triggers:succeeded",
      "repos:succeeded",
    ]);
  });

  it("respects the concurrency bound and runs the longest chain first", async () => {
    const c = controlledRun();
    const done = scheduleAgents(seedLike, c.run, { concurrency: 1 });
    await new Promise((r) => setTimeout(r, 0));
    // contract and sandbox head a chain of 3; triggers heads a chain of 1.
    expect(c.running()).toEqual(["contract"]);
    await c.finish("contract");
    expect(c.running()).toEqual(["sandbox"]);
    await c.finish("sandbox");
    expect(c.running()).toEqual(["sessions"]);
    await c.finish("sessions");
    // repos and triggers both end a chain now: the earlier phase goes first.
    expect(c.running()).toEqual(["triggers"]);
    await c.finish("triggers");
    await c.finish("repos");
    await done;
    expect(c.events).toEqual([
      "start contract",
      "start sandbox",
      "start sessions",
      "start triggers",
      "start repos",
    ]);
  });

  it("skips the transitive dependents of a failed agent and completes everything else", async () => {
    const c = controlledRun({ sandbox: "model overloaded" });
    const settled: string[] = [];
    const done = scheduleAgents(seedLike, c.run, {
      concurrency: 4,
      onSettled: (o) => void settled.push(`${o.name}:${o.status}`),
    });
    await new Promise((r) => setTimeout(r, 0));
    await c.finish("sandbox");
    await c.finish("contract");
    await c.finish("triggers");
    const outcomes = await done;
    expect(outcomes).toEqual([
      { name: "contract", status: "succeeded", value: "contract.md" },
      { name: "sandbox", status: "failed", value: undefined, reason: "model overloaded" },
      { name: "sessions", status: "skipped", reason: 'depends on "sandbox", which failed' },
      { name: "triggers", status: "succeeded", value: "triggers.md" },
      { name: "repos", status: "skipped", reason: 'depends on "sessions", which was skipped' },
    ]);
    expect(settled.slice(0, 3)).toEqual(["sandbox:failed", "sessions:skipped", "repos:skipped"]);
  });

  it("turns a thrown error into a failure", async () => {
    const outcomes = await scheduleAgents(
      [{ name: "a", phase: 1, dependsOn: [] }],
      () => Promise.reject(new Error("boom")),
      {
        concurrency: 2,
      },
    );
    expect(outcomes).toEqual([{ name: "a", status: "failed", value: undefined, reason: "boom" }]);
  });

  it("treats dependencies outside the schedule as done and reports cycles instead of hanging", async () => {
    const outcomes = await scheduleAgents(
      [
        { name: "x", phase: 2, dependsOn: ["already-written"] },
        { name: "p", phase: 1, dependsOn: ["q"] },
        { name: "q", phase: 1, dependsOn: ["p"] },
      ],
      (name) => Promise.resolve({ ok: true, value: name }),
      { concurrency: 2 },
    );
    expect(outcomes.map((o) => o.status)).toEqual(["succeeded", "skipped", "skipped"]);
  });

  it("starts no agent while a phase callback is still running, even when agents finish together", async () => {
    const events: string[] = [];
    let releaseCheckpoint: () => void = () => undefined;
    const checkpoint = new Promise<void>((r) => (releaseCheckpoint = r));
    const agents: SchedulableAgent[] = [
      { name: "a", phase: 1, dependsOn: [] },
      { name: "b", phase: 1, dependsOn: [] },
      { name: "c", phase: 2, dependsOn: ["a"] },
    ];
    const done = scheduleAgents(
      agents,
      async (name) => {
        events.push(`start ${name}`);
        return { ok: true, value: name };
      },
      {
        concurrency: 3,
        onPhaseSettled: async (phase) => {
          events.push(`phase ${phase} saving`);
          if (phase === 1) await checkpoint;
          events.push(`phase ${phase} saved`);
        },
      },
    );
    await new Promise((r) => setTimeout(r, 10));
    expect(events).toEqual(["start a", "start b", "phase 1 saving"]);
    releaseCheckpoint();
    await done;
    expect(events).toEqual([
      "start a",
      "start b",
      "phase 1 saving",
      "phase 1 saved",
      "start c",
      "phase 2 saving",
      "phase 2 saved",
    ]);
  });

  it("with a phase barrier, waits for every earlier phase but skips only real dependents", async () => {
    const c = controlledRun({ sandbox: "overloaded" });
    const done = scheduleAgents(seedLike, c.run, { concurrency: 4, phaseBarrier: true });
    await new Promise((r) => setTimeout(r, 0));
    expect(c.running()).toEqual(["contract", "sandbox"]);
    await c.finish("contract");
    // triggers (phase 2, no dependencies) still waits for phase 1 to settle.
    expect(c.running()).toEqual(["sandbox"]);
    await c.finish("sandbox");
    expect(c.running()).toEqual(["triggers"]);
    await c.finish("triggers");
    const outcomes = await done;
    expect(outcomes.map((o) => `${o.name}:${o.status}`)).toEqual([
      "contract:succeeded",
      "sandbox:failed",
      "sessions:skipped",
      "triggers:succeeded",
      "repos:skipped",
    ]);
  });
});
