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
});
