import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Fixture repositories have test files of their own; they are data, not our tests.
    exclude: ["test/fixtures/**", "node_modules/**"],
    setupFiles: ["test/setup.ts"],
    pool: "forks",
    testTimeout: 20_000,
  },
});
