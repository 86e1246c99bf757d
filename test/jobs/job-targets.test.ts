import { describe, expect, it } from "vitest";
import { documentSlug, implementationTarget, issueSlug, slugify } from "../../src/jobs/job-targets.js";

describe("slugs and targets", () => {
  it.each([
    ["Gift wrapping at checkout", "gift-wrapping-at-checkout"],
    ["  Über-fast Search (v2)!  ", "uber-fast-search-v2"],
    ["feat: `/login` rate limits", "feat-login-rate-limits"],
    ["🎁🎁", "fallback"],
    [
      "A very long title that goes on and on about many different things nobody will read in full",
      "a-very-long-title-that-goes-on-and-on-about-many-different",
    ],
  ])("slugify(%j) = %s", (title, slug) => {
    expect(slugify(title, "fallback")).toBe(slug);
  });

  it("names an issue's spec after its number and title, or its number alone when the title has no letters", () => {
    expect(issueSlug({ number: 12, title: "Gift wrapping" })).toBe("12-gift-wrapping");
    expect(issueSlug({ number: 12, title: "???" })).toBe("issue-12");
  });

  it("gives two issues with the same title separate targets, branches and spec files", () => {
    const [a, b] = [12, 13].map((number) =>
      implementationTarget(issueSlug({ number, title: "Login" }), "specs/{slug}.md"),
    );
    expect(a).toEqual({
      slug: "12-login",
      target: "spec-12-login",
      branch: "specwright/spec-12-login",
      outputPath: "specs/12-login.md",
    });
    expect(b?.branch).toBe("specwright/spec-13-login");
    expect(b?.outputPath).toBe("specs/13-login.md");
  });

  it("names a discovery document's spec after its file name", () => {
    expect(documentSlug("docs/discovery/2026/Gift Wrapping.md")).toBe("gift-wrapping");
  });

  it("derives target, branch and output path from the slug", () => {
    expect(implementationTarget("gift-wrapping", "./specs/{slug}/spec.md")).toEqual({
      slug: "gift-wrapping",
      target: "spec-gift-wrapping",
      branch: "specwright/spec-gift-wrapping",
      outputPath: "specs/gift-wrapping/spec.md",
    });
  });
});
