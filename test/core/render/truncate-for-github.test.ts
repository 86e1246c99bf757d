import { describe, expect, it } from "vitest";
import { truncateForGithub, truncateList } from "../../../src/core/render/truncate-for-github.js";

const items = Array.from({ length: 30 }, (_, i) => `- \`src/module-${i}.ts\``);

describe("truncateList", () => {
  it("returns the list unchanged when it fits", () => {
    expect(truncateList(items.slice(0, 3), { maxItems: 3 })).toEqual(items.slice(0, 3));
  });

  it("keeps maxItems and says how many were left out", () => {
    expect(truncateList(items, { maxItems: 5 })).toEqual([...items.slice(0, 5), "… and 25 more"]);
  });

  it.each([60, 100, 250, 10])("stays within maxChars=%i including the 'more' line", (maxChars) => {
    const out = truncateList(items, { maxChars });
    const size = out.reduce((sum, line) => sum + line.length + 1, 0);
    expect(size).toBeLessThanOrEqual(Math.max(maxChars, "… and 30 more".length + 1));
    const kept = out.length - 1;
    expect(out.at(-1)).toBe(`… and ${items.length - kept} more`);
  });

  it("uses a custom 'more' line", () => {
    expect(truncateList(items, { maxItems: 1, more: (n) => `- _${n} more files_` })).toEqual([
      items[0],
      "- _29 more files_",
    ]);
  });
});

describe("truncateForGithub", () => {
  it("leaves short text alone", () => {
    expect(truncateForGithub("hello\nworld", 100)).toBe("hello\nworld");
  });

  it("cuts at a line break under the limit, closes open blocks and says what was left out", () => {
    const text = [
      "intro",
      "<details><summary>files</summary>",
      "",
      "```",
      ...Array(500).fill("line of code"),
    ].join("\n");
    const out = truncateForGithub(text, 1_000);
    expect(out.length).toBeLessThanOrEqual(1_000);
    expect(out).toMatch(/\n```\n<\/details>\n\n_… [\d,]+ more characters left out: GitHub allows 1,000\._$/);
    expect(out.startsWith("intro\n<details>")).toBe(true);
  });

  it("holds the limit for one long line without breaks", () => {
    expect(truncateForGithub("x".repeat(5_000), 1_000).length).toBeLessThanOrEqual(1_000);
  });
});
