import { describe, expect, it } from "vitest";
import { renderRunSummaryTable } from "../../../src/core/render/render-run-summary-table.js";
import { agent, PLANTED_KEY, runResult, usage } from "./run-fixtures.js";

describe("renderRunSummaryTable", () => {
  it("prints aligned columns, a totals row and the problems", () => {
    const result = runResult({
      agents: [
        agent({ name: "boundary-brief", phase: 1 }),
        agent({
          name: "sessions-gateway",
          phase: 2,
          turns: 12,
          usage: usage(12_000, 250_000, 18_400),
          costUsd: 1.2345,
          durationMs: 3_725_000,
          filesRead: ["apps/gateway/src/server.ts", "README.md", "apps/gateway/package.json"],
        }),
        agent({
          name: "billing",
          phase: 3,
          status: "skipped",
          turns: 0,
          usage: usage(0, 0, 0),
          costUsd: 0,
          durationMs: 0,
          filesRead: [],
          reason: 'depends on "sessions-gateway"',
          hint: "Run /spec regenerate billing once it succeeds.",
        }),
      ],
      durationMs: 3_900_000,
      failures: [{ message: "The consistency review failed: the model returned no findings." }],
    });
    expect(renderRunSummaryTable(result)).toMatchInlineSnapshot(`
      "Agent             Status         Turns    Input   Cached  Output   Cost    Time  Files read
      -------------------------------------------------------------------------------------------
      boundary-brief    succeeded          7   43,910   38,500   6,120  $0.13  1m 23s           2
      sessions-gateway  succeeded         12  262,000  250,000  18,400  $1.23   1h 2m           3
      billing           skipped            0        0        0       0  $0.00      0s           0
      -------------------------------------------------------------------------------------------
      Total             2/3 succeeded     19  305,910  288,500  24,520  $1.37   1h 5m           4

      Problems:
        billing skipped: depends on "sessions-gateway"
          Run /spec regenerate billing once it succeeds.
        The consistency review failed: the model returned no findings.

      Input counts cache reads and writes; costs are estimates from list prices.
      "
    `);
  });

  it("strips escape sequences and redacts secrets", () => {
    const result = runResult({
      agents: [agent({ name: "evil\u001b[2Kname", status: "model-error", reason: `401 for ${PLANTED_KEY}` })],
    });
    const text = renderRunSummaryTable(result);
    expect(text).not.toContain("\u001b");
    expect(text).not.toContain("sk-ant-");
    expect(text).toContain("evilname model-error: 401 for [REDACTED]");
  });

  it("lists the findings that still fail under an agent whose spec failed its checks", () => {
    const failing = (
      line: number | undefined,
      rule: "template-section" | "citation-missing",
      message: string,
    ) => ({
      id: `SW-0000000${line ?? 0}`,
      rule,
      severity: "error" as const,
      file: "docs/specs/cart.md",
      line,
      message,
      subjects: [],
      specs: ["docs/specs/cart.md"],
      fix: "Fix it.",
    });
    const result = runResult({
      agents: [
        agent({
          name: "cart",
          status: "failed-validation",
          reason: "The submission still fails 2 checks after 2 repair rounds.",
          findings: [
            failing(3, "template-section", 'Template section "2. File Tree" is missing.'),
            { ...failing(9, "citation-missing", "Cited path"), severity: "warning" },
            failing(
              undefined,
              "citation-missing",
              "Cited path `src/cart/old.ts` does not exist at this commit.",
            ),
          ],
        }),
      ],
    });
    expect(renderRunSummaryTable(result)).toContain(
      [
        "  cart failed-validation: The submission still fails 2 checks after 2 repair rounds.",
        "    Still failing:",
        '      - template-section docs/specs/cart.md:3: Template section "2. File Tree" is missing.',
        "      - citation-missing docs/specs/cart.md: Cited path `src/cart/old.ts` does not exist at this commit.",
        "",
      ].join("\n"),
    );
  });
});
