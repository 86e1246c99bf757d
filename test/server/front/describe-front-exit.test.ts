import { describe, expect, it } from "vitest";
import { describeFrontExit } from "../../../src/server/front/describe-front-exit.js";
import { FRONT_NODE_FLAGS } from "../../../src/server/front/front-node-flags.js";

describe("describeFrontExit", () => {
  it.each([
    [{ code: 1, signal: null, fatal: "Port 3000 is already in use." }, "Port 3000 is already in use."],
    [{ code: null, signal: "SIGKILL" }, "exited (SIGKILL)"],
    [{ code: 1, signal: null }, "exited (code 1)"],
    [{ code: 0, signal: null }, "exited (code 0)"],
    [{ code: null, signal: null }, "exited (code unknown)"],
  ])("%j → %s", (exit, text) => {
    expect(describeFrontExit(exit)).toBe(text);
  });

  it("names the fronts' Node.js flags when Node.js refused an option (exit code 9)", () => {
    const text = describeFrontExit({ code: 9, signal: null });
    expect(text).toMatch(/^exited \(code 9: this Node\.js refused an option; /);
    for (const flag of FRONT_NODE_FLAGS) expect(text).toContain(flag);
  });
});
