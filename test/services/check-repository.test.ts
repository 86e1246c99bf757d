import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { openPlainDirectorySnapshot } from "../../src/adapters/local/open-plain-directory-snapshot.js";
import type { CheckReport } from "../../src/core/checks/summarize-findings.js";
import { LLM_RULE_IDS, RULE_IDS } from "../../src/core/checks/types.js";
import { columnIndex, extractTables } from "../../src/core/markdown/extract-tables.js";
import { parseMarkdown } from "../../src/core/markdown/parse-markdown.js";
import { DEFAULT_SNAPSHOT_LIMITS } from "../../src/ports/repo-snapshot.js";
import { checkRepository } from "../../src/services/check-repository.js";
import { loadRepoConfig } from "../../src/services/load-repo-config.js";

const FIXTURE = fileURLToPath(new URL("../fixtures/repos/acme/", import.meta.url));

/** `rule file:line` keys from the tables of EXPECTED.md (the fixture's list of planted problems). */
function expectedKeys(): { planted: string[]; noise: string[] } {
  const tables = extractTables(parseMarkdown(readFileSync(`${FIXTURE}EXPECTED.md`, "utf8")));
  const keys = (i: number) => {
    const table = tables[i];
    if (!table) throw new Error(`EXPECTED.md has no table ${i + 1}`);
    const [rule, file, line] = ["Rule", "File", "Line"].map((name) => columnIndex(table, name));
    return table.rows.map((r) => `${r.cells[rule ?? 0]} ${r.cells[file ?? 1]}:${r.cells[line ?? 2]}`);
  };
  return { planted: keys(0), noise: keys(1) };
}

const keyOf = (f: CheckReport["findings"][number]) => `${f.rule} ${f.file}:${f.line ?? "-"}`;

describe("checkRepository on the acme fixture repository", () => {
  let report: CheckReport;
  beforeAll(async () => {
    const snapshot = openPlainDirectorySnapshot({ dir: FIXTURE, limits: DEFAULT_SNAPSHOT_LIMITS });
    report = await checkRepository({ snapshot, config: await loadRepoConfig(snapshot) });
  });

  it("plants a problem of every rule id", () => {
    const rules = new Set(expectedKeys().planted.map((k) => k.split(" ")[0]));
    const llmOnly: readonly string[] = LLM_RULE_IDS;
    expect([...rules].sort()).toEqual(RULE_IDS.filter((r) => !llmOnly.includes(r)).sort());
  });

  it("finds every planted problem at its line, and nothing else", () => {
    const { planted, noise } = expectedKeys();
    expect(report.findings.map(keyOf).sort()).toEqual([...planted, ...noise].sort());
  });

  it("reports each overlapping subject once, naming every claimant", () => {
    const overlaps = report.findings.filter((f) => f.rule === "ownership-overlap");
    expect(overlaps.map((f) => f.specs)).toEqual([
      ["docs/specs/notifications.md", "docs/specs/orders.md"],
      ["docs/specs/shipping.md", "docs/specs/storage.md"],
    ]);
  });

  it("summarises by severity and rule", () => {
    const { summary } = report;
    expect(summary.commit).toBe("WORKTREE");
    expect(summary.specsChecked).toBe(7);
    expect(summary.total).toBe(report.findings.length);
    expect(summary.bySeverity.error + summary.bySeverity.warning + summary.bySeverity.info).toBe(
      summary.total,
    );
    expect(summary.byRule["impl-plan"]).toBe(4);
  });

  it("gives findings unique, stable ids", () => {
    const ids = report.findings.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    const promise = report.findings.find((f) => f.rule === "impl-promise");
    expect(promise?.id).toMatchInlineSnapshot(`"SW-f4b3efba"`);
  });
});
