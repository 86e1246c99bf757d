import { describe, expect, it } from "vitest";
import { parsePathToken } from "../../../src/core/markdown/parse-path-token.js";

describe("parsePathToken", () => {
  it.each([
    ["apps/gateway/src/hub/session-hub.ts", "apps/gateway/src/hub/session-hub.ts", false],
    ["./scripts/deploy.sh", "scripts/deploy.sh", false],
    ["apps/gateway/src/hub/", "apps/gateway/src/hub", true],
    ["package.json", "package.json", false],
    ["Dockerfile", "Dockerfile", false],
    [".env.example", ".env.example", false],
    ["hub/", "hub", true],
    ["apps/web/src/app/[id]/page.tsx", "apps/web/src/app/[id]/page.tsx", false],
    ["apps/web/src/app/(auth)/login/page.tsx", "apps/web/src/app/(auth)/login/page.tsx", false],
    ["apps/web", "apps/web", false],
  ])("reads %s in code as %s", (raw, path, isDirectory) => {
    expect(parsePathToken(raw, "code")).toEqual({ path, isDirectory, anchor: undefined });
  });

  it.each([
    ["src/hub.ts:SessionHub", { kind: "identifier", name: "SessionHub" }],
    ["src/hub.ts:SessionHub.start", { kind: "identifier", name: "SessionHub.start" }],
    ["src/hub.ts:createHub()", { kind: "identifier", name: "createHub" }],
    ["src/hub.ts:12", { kind: "lines", start: 12, end: 12 }],
    ["src/hub.ts:12-40", { kind: "lines", start: 12, end: 40 }],
    ["src/hub.ts#L5-L9", { kind: "lines", start: 5, end: 9 }],
    ["src/hub.ts:L3", { kind: "lines", start: 3, end: 3 }],
    ["src/hub.ts:L3-L8", { kind: "lines", start: 3, end: 8 }],
    ["src/hub.ts:L3-8", { kind: "lines", start: 3, end: 8 }],
  ])("splits the anchor off %s", (raw, anchor) => {
    expect(parsePathToken(raw, "code")).toEqual({ path: "src/hub.ts", isDirectory: false, anchor });
  });

  it.each([
    "https://example.com/a/b.ts",
    "/api/sessions/:id",
    "sessions/:id",
    "npm run build",
    "src/**/*.ts",
    "*.md",
    "z.object",
    "process.env",
    "@octokit/rest",
    "{slug}.md",
    "src/<name>.ts",
    "../outside.ts",
    "~/.config/app.json",
    "C:\\repo\\file.ts",
    "v1",
    "a//b.ts",
    "src/…/x.ts",
  ])("rejects %s in code", (raw) => {
    expect(parsePathToken(raw, "code")).toBeUndefined();
  });

  it.each([
    ["apps/gateway/src/index.ts", true],
    ["docs/specs/", true],
    ["pause/resume", false],
    ["and/or", false],
    ["package.json", false],
    ["src/app/[id]/page.tsx", false],
  ])("in plain text, %s is a path: %s", (raw, ok) => {
    expect(parsePathToken(raw, "text") !== undefined).toBe(ok);
  });
});
