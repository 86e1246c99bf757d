import { describe, expect, it } from "vitest";
import { renderStaleness } from "../../../src/core/render/render-staleness.js";
import { SHA } from "./run-fixtures.js";

describe("renderStaleness", () => {
  it("lists stale specs with the cited changed files and the regenerate command", () => {
    const out = renderStaleness(
      [
        {
          spec: "docs/specs/sessions-gateway.md",
          name: "sessions-gateway",
          citedChangedFiles: ["apps/gateway/src/server.ts", "apps/gateway/src/routes/sessions.ts"],
        },
        { spec: "specs/login-rate-limits.md", citedChangedFiles: ["apps/web/src/login.ts"] },
        { spec: "docs/specs/billing.md", name: "billing", citedChangedFiles: [] },
        { spec: "docs/specs/auth.md", name: "auth", citedChangedFiles: ["packages/auth/src/index.ts"] },
      ],
      { commit: SHA },
    );
    expect(out.conclusion).toBe("neutral");
    expect(out.title).toBe("3 specs may be stale");
    expect(out.command).toBe("/spec regenerate sessions-gateway auth");
    expect(out.commitStatus).toEqual({
      state: "success",
      context: "Specwright staleness",
      description: "3 specs may be stale: sessions-gateway, login-rate-limits.md, auth",
    });
    expect(out.summary).toMatchInlineSnapshot(`
      "3 specs cite files changed by this push at \`3f9c2e7\` and may be stale:

      - \`docs/specs/sessions-gateway.md\` (\`sessions-gateway\`) cites \`apps/gateway/src/server.ts\`, \`apps/gateway/src/routes/sessions.ts\`
      - \`specs/login-rate-limits.md\` (implementation spec: update it by hand or with \`/spec revise\`) cites \`apps/web/src/login.ts\`
      - \`docs/specs/auth.md\` (\`auth\`) cites \`packages/auth/src/index.ts\`

      To refresh them, comment on any issue or pull request of this repository:

      \`\`\`
      /spec regenerate sessions-gateway auth
      \`\`\`"
    `);
  });

  it("reports success when nothing is stale", () => {
    const out = renderStaleness([{ spec: "docs/specs/auth.md", name: "auth", citedChangedFiles: [] }]);
    expect([out.conclusion, out.title, out.command]).toEqual(["success", "No stale specs", undefined]);
  });

  it("keeps the commit-status description within 140 characters and the summary within the limit", () => {
    const many = Array.from({ length: 400 }, (_, i) => ({
      spec: `docs/specs/spec-${i}.md`,
      name: `spec-${i}`,
      citedChangedFiles: Array.from({ length: 30 }, (_, j) => `src/area-${i}/file-${j}.ts`),
    }));
    const out = renderStaleness(many);
    expect(out.commitStatus.description.length).toBeLessThanOrEqual(140);
    expect(out.summary.length).toBeLessThanOrEqual(65_535);
    expect(out.summary).toContain("… and 20 more");
  });

  it("refuses names that are not plain spec names in the command", () => {
    const out = renderStaleness([
      { spec: "docs/specs/x.md", name: "x; rm -rf", citedChangedFiles: ["a.ts"] },
    ]);
    expect(out.command).toBeUndefined();
  });
});
