import { describe, expect, it } from "vitest";
import { ConfigError, SpecwrightError } from "../../src/core/errors.js";
import { ModelOverloadedError } from "../../src/core/model-errors.js";
import { describeFailure } from "../../src/jobs/describe-failure.js";
import { GitHostError } from "../../src/ports/git-host.js";

describe("describeFailure", () => {
  it.each<[string, unknown, string]>([
    [
      "a model error",
      new ModelOverloadedError(
        "The model API is overloaded (HTTP 529) and 4 retries did not help",
        "Wait a few minutes and retry.",
      ),
      "The model API is overloaded (HTTP 529) and 4 retries did not help. Wait a few minutes and retry.",
    ],
    [
      "a GitHub error",
      new GitHostError(
        "Could not create the commit for specwright/x in orbit/books: Resource not accessible",
        "Grant the app Contents: write.",
        "permission",
        403,
      ),
      "Could not create the commit for specwright/x in orbit/books: Resource not accessible. Grant the app Contents: write.",
    ],
    ["an error without hint", new SpecwrightError("Stopped!"), "Stopped!"],
    [
      "anything else, with secrets redacted",
      new TypeError("boom with sk-ant-api03-abcdefghijklmnop"),
      "An unexpected error stopped the job: boom with [REDACTED]. Retry; if it happens again, report it.",
    ],
  ])("%s", (_name, error, cause) => {
    expect(describeFailure(error)).toEqual({ cause, details: [] });
  });

  it("lists every config problem", () => {
    const error = new ConfigError([
      {
        file: ".github/specwright.yml",
        line: 3,
        column: 5,
        key: "budgets.maxTurns",
        message: 'unknown key "maxTurns"',
      },
    ]);
    expect(describeFailure(error).details).toEqual([
      { message: '.github/specwright.yml:3:5  budgets.maxTurns  unknown key "maxTurns"' },
    ]);
  });
});
