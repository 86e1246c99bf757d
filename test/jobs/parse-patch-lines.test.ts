import { describe, expect, it } from "vitest";
import { parsePatchLines } from "../../src/jobs/parse-patch-lines.js";

describe("parsePatchLines", () => {
  it("lists the new-side lines of every hunk: added and context, not removed", () => {
    const patch = [
      "@@ -1,4 +1,5 @@",
      " # Cart",
      "-Old line",
      "+New line",
      "+Another new line",
      " ",
      " ## 1. Overview",
      "@@ -40,2 +41,3 @@ ## 3. Behaviour",
      " - keep",
      "+- added",
      " - keep too",
      "\\ No newline at end of file",
    ].join("\n");
    expect([...parsePatchLines(patch)]).toEqual([1, 2, 3, 4, 5, 41, 42, 43]);
  });

  it("is empty for a missing patch (binary or too large files)", () => {
    expect(parsePatchLines("").size).toBe(0);
  });
});
