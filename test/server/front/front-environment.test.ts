import { describe, expect, it } from "vitest";
import { frontEnvironment } from "../../../src/server/front/front-environment.js";

describe("frontEnvironment", () => {
  it("passes the front its settings and removes the secrets it has no use for", () => {
    const settings = { secret: "hook-secret", path: "/hooks", port: 0, host: "127.0.0.1" };
    expect(
      frontEnvironment(
        {
          PATH: "/usr/bin",
          PRIVATE_KEY: "-----BEGIN",
          ANTHROPIC_API_KEY: "sk-ant-x",
          WEBHOOK_SECRET: "s",
          HOST: "h",
        },
        settings,
      ),
    ).toEqual({
      PRIVATE_KEY: undefined,
      ANTHROPIC_API_KEY: undefined,
      WEBHOOK_SECRET: undefined,
      SPECWRIGHT_WEBHOOK_FRONT: JSON.stringify(settings),
    });
  });
});
