import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { FRONT_NODE_FLAGS } from "../../../src/server/front/front-node-flags.js";

describe("FRONT_NODE_FLAGS", () => {
  it("are all accepted by this Node.js (a flag it does not know would stop every front at start)", () => {
    const run = spawnSync(
      process.execPath,
      [...FRONT_NODE_FLAGS, "-e", 'if (typeof gc !== "function") process.exit(3); gc({ type: "minor" });'],
      // Without NODE_OPTIONS: its own warnings would land on stderr.
      { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } },
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });
});
