import { describe, expect, it } from "vitest";
import { renderRequestPreview } from "../../src/cli/render-request-preview.js";
import type { ModelRequest } from "../../src/ports/model.js";

const BRIEF =
  "Sessions refresh the token refreshSessionTokenHandler in `src/auth/refresh.ts`; the Authorization header is `Bearer <session id>`.";

const request: ModelRequest = {
  model: "claude-sonnet-5-5",
  system: [
    { text: "You write specs.", cache: false },
    { text: BRIEF, cache: true },
  ],
  messages: [{ role: "user", content: [{ type: "text", text: "Write docs/specs/auth.md.", cache: true }] }],
  tools: [
    { name: "read_file", description: "Read a file.", inputSchema: { type: "object" } },
    { name: "submit_spec", description: "Submit.", inputSchema: { type: "object" }, cache: true },
  ],
  maxTokens: 8000,
};

describe("renderRequestPreview", () => {
  it("marks the tools' cache breakpoint like the system blocks' and the message's", () => {
    const out = renderRequestPreview([{ heading: "auth", request }]);
    expect(out).toMatch(
      /--- tools \(read_file, submit_spec\) \[cache_control: ephemeral\] \([\d,]+ characters/,
    );
    expect(out).toMatch(/--- system block 2\/2 \[cache_control: ephemeral\] \(/);
    expect(out).toMatch(/--- system block 1\/2 \(/);
    expect(out).toContain("--- first user message [cache_control: ephemeral] ---\nWrite docs/specs/auth.md.");
    const without = renderRequestPreview([
      { heading: "auth", request: { ...request, tools: request.tools.map(({ cache: _c, ...t }) => t) } },
    ]);
    expect(without).toMatch(/--- tools \(read_file, submit_spec\) \(/);
  });

  it("shows the request text exactly as sent, masking only the API key", () => {
    const key = "sk-ant-api03-previewtestkey000000";
    const withKey: ModelRequest = {
      ...request,
      messages: [{ role: "user", content: `Write docs/specs/auth.md. (pasted by mistake: ${key})` }],
    };
    const out = renderRequestPreview([{ heading: "auth", request: withKey }], [key]);
    expect(out).toContain(BRIEF);
    expect(out).not.toContain(key);
    expect(out).toContain("(pasted by mistake: [API key])");
  });
});
