import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/core/errors.js";
import { loadRepoConfig } from "../../src/services/load-repo-config.js";
import { createMemorySnapshot } from "../helpers/memory-snapshot.js";

describe("loadRepoConfig", () => {
  it("returns the defaults when the repository has no config", async () => {
    const config = await loadRepoConfig(createMemorySnapshot({ "README.md": "# x" }));
    expect(config.systemSpecs.specsDir).toBe("docs/specs");
    expect(config.implementationSpecs.output).toBe("specs/{slug}.md");
  });

  it("reads .github/specwright.yml, else .github/specwright.yaml", async () => {
    const yml = createMemorySnapshot({
      ".github/specwright.yml": "systemSpecs:\n  specsDir: spec-docs\n",
      ".github/specwright.yaml": "systemSpecs:\n  specsDir: ignored\n",
    });
    expect((await loadRepoConfig(yml)).systemSpecs.specsDir).toBe("spec-docs");
    const yaml = createMemorySnapshot({ ".github/specwright.yaml": "concurrency: 2\n" });
    expect((await loadRepoConfig(yaml)).concurrency).toBe(2);
  });

  it("throws a ConfigError listing every problem with its line", async () => {
    const snapshot = createMemorySnapshot({
      ".github/specwright.yml": "concurrency: 99\nsystemSpecs:\n  specDir: x\n",
    });
    const error = await loadRepoConfig(snapshot).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => [p.line, p.key])).toEqual([
      [1, "concurrency"],
      [3, "systemSpecs.specDir"],
    ]);
  });

  it("throws a ConfigError for a config that is not UTF-8 text", async () => {
    const snapshot = createMemorySnapshot({ ".github/specwright.yml": new Uint8Array([0x61, 0x00, 0xff]) });
    await expect(loadRepoConfig(snapshot)).rejects.toThrow(ConfigError);
  });
});
