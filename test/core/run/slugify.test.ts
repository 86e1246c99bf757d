import { describe, expect, it } from "vitest";
import { FALLBACK_SLUG, MAX_SLUG_LENGTH, slugify } from "../../../src/core/run/slugify.js";

describe("slugify", () => {
  it.each([
    ["Order export to CSV", "order-export-to-csv"],
    ["  Carrier   webhooks  ", "carrier-webhooks"],
    ["JWT Auth: login + refresh (v2)", "jwt-auth-login-refresh-v2"],
    ["Café Über Straße", "cafe-uber-strasse"],
    ["Don't retry o’clock jobs", "dont-retry-oclock-jobs"],
    ["Ærø Œuvre", "aero-oeuvre"],
    ["--Already-slugged--", "already-slugged"],
    ["snake_case_title", "snake-case-title"],
    ["Release 2.4.1 notes", "release-2-4-1-notes"],
    ["Emoji 🚀 launch", "emoji-launch"],
  ])("%j → %s", (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it.each(["", "   ", "\n\t"])("falls back to %j for a blank title", (title) => {
    expect(slugify(title)).toBe(FALLBACK_SLUG);
  });

  it("gives titles without Latin letters a stable hashed slug, different per title", () => {
    const a = slugify("日本語の仕様");
    const b = slugify("Спецификация");
    expect(a).toMatch(/^spec-[0-9a-f]{8}$/);
    expect(b).toMatch(/^spec-[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
    expect(slugify("日本語の仕様")).toBe(a);
  });

  it("caps long titles at a word boundary", () => {
    const title = "Migrate the legacy invoice pipeline to the new event-driven billing service with retries";
    const slug = slugify(title);
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toBe("migrate-the-legacy-invoice-pipeline-to-the-new-event-driven");
    expect(slug.endsWith("-")).toBe(false);
  });

  it("cuts a single very long word hard rather than leaving almost nothing", () => {
    expect(slugify(`${"a".repeat(50)} ${"b".repeat(30)}`)).toBe("a".repeat(50));
    const slug = slugify(`${"a".repeat(30)} ${"b".repeat(40)}`);
    expect(slug).toBe(`${"a".repeat(30)}-${"b".repeat(29)}`);
    expect(slug.length).toBe(MAX_SLUG_LENGTH);
  });

  it("only ever produces lower-case ascii letters, digits and single inner dashes", () => {
    for (const title of ["A/B ../../etc/passwd", "x\u0000y", "<script>alert(1)</script>", "C:\\Windows"]) {
      expect(slugify(title)).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  });
});
