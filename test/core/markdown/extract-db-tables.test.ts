import { describe, expect, it } from "vitest";
import { extractDefinedTables } from "../../../src/core/markdown/extract-db-tables.js";
import { specDocument } from "../../helpers/check-context.js";

describe("extractDefinedTables", () => {
  it("finds SQL, Drizzle, SQLAlchemy and table-column definitions with lines", () => {
    const text = [
      "## 4. Data Models",
      "",
      "```sql",
      'CREATE TABLE IF NOT EXISTS public."sessions" (',
      "  id uuid primary key",
      ");",
      "```",
      "",
      "```ts",
      'export const runs = pgTable("automation_runs", {});',
      "```",
      "",
      "```py",
      'class Event(Base):\n    __tablename__ = "run_events"',
      "```",
      "",
      "| Table | Purpose |",
      "|---|---|",
      "| `outbox` | Pending side effects |",
      "| `billing_events` | owned by billing-metering.md |",
      "| `session_notes` | defined here (a.md) |",
    ].join("\n");
    const doc = specDocument("docs/specs/a.md", text);
    expect(extractDefinedTables(doc.tree.children, doc.lines, "docs/specs/a.md")).toEqual([
      { name: "sessions", line: 4 },
      { name: "automation_runs", line: 10 },
      { name: "run_events", line: 15 },
      { name: "outbox", line: 20 },
      { name: "session_notes", line: 22 },
    ]);
  });

  const defined = (text: string, others: string[] = ["sessions", "billing metering"]) => {
    const doc = specDocument("docs/specs/a.md", text);
    return extractDefinedTables(doc.tree.children, doc.lines, "docs/specs/a.md", new Set(others)).map(
      (t) => t.name,
    );
  };

  it.each([
    [
      "an Owner cell naming another spec",
      "| Table | Owner |\n|---|---|\n| sessions | Sessions |\n| runs | this spec |",
    ],
    [
      "an Owner cell naming another spec file",
      "| Table | Owner |\n|---|---|\n| sessions | [sessions](sessions.md) |\n| runs | a.md |",
    ],
    [
      "a Defined in cell saying reads",
      "| Table | Defined in |\n|---|---|\n| sessions | read only |\n| runs | here |",
    ],
    [
      "an Access cell saying references",
      "| Table | Access |\n|---|---|\n| sessions | references |\n| runs | owns |",
    ],
  ])("skips rows read from elsewhere: %s", (_name, text) => {
    expect(defined(`## 4. Data Models\n\n${text}\n`)).toEqual(["runs"]);
  });

  it.each([
    ["reads but does not own", "This spec reads but does not own these tables:"],
    ["read-only", "Tables used read-only:"],
    ["owned elsewhere", "Tables owned by sessions.md that runs query:"],
  ])("skips a table introduced as %s", (_name, intro) => {
    const text = `## 4. Data Models\n\n${intro}\n\n| Table | Purpose |\n|---|---|\n| sessions | lookup |\n\nOwn tables:\n\n| Table | Purpose |\n|---|---|\n| runs | queue |\n`;
    expect(defined(text)).toEqual(["runs"]);
  });
});
