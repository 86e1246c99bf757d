import { describe, expect, it } from "vitest";
import { ownershipOverlapRule } from "../../../../src/core/checks/rules/ownership-overlap.js";
import { buildCheckContext } from "../../../helpers/check-context.js";
import { fence, systemSpec, TEMPLATE, TEMPLATE_PATH } from "./system-fixtures.js";

const tree = (...lines: string[]) => fence(lines.join("\n"));
const run = (specs: Record<string, string>) =>
  ownershipOverlapRule.run(buildCheckContext({ files: { [TEMPLATE_PATH]: TEMPLATE, ...specs } }));

const SESSIONS = systemSpec("Sessions", {
  3: tree(
    "apps/gateway/src/",
    "├── hub/",
    "│   ├── hub-manager.ts",
    "│   └── session-hub.ts",
    "└── lib/",
    "    └── store.ts",
  ),
  4: fence("CREATE TABLE sessions (\n  id uuid\n);", "sql"),
});
const RUNS = systemSpec("Runs", {
  3: tree("apps/gateway/src/", "├── runs/", "│   └── run-worker.ts", "└── lib/", "    └── queue.ts"),
  4: fence('export const runs = pgTable("automation_runs", {});', "ts"),
  6: "Runs read the `sessions` table (owned by sessions.md) and `apps/gateway/src/hub/session-hub.ts`.",
});

describe("ownership-overlap", () => {
  it("accepts specs whose trees share only parent folders", () => {
    expect(run({ "docs/specs/sessions.md": SESSIONS, "docs/specs/runs.md": RUNS })).toEqual([]);
  });

  it("reports a file in two file trees once, naming both specs", () => {
    const billing = systemSpec("Billing", {
      3: tree("apps/gateway/src/lib/", "├── store.ts", "└── meter.ts"),
    });
    const findings = run({ "docs/specs/sessions.md": SESSIONS, "docs/specs/billing.md": billing });
    expect(findings).toEqual([
      {
        rule: "ownership-overlap",
        severity: "error",
        file: "docs/specs/billing.md",
        line: 15,
        message:
          "`apps/gateway/src/lib/store.ts` is claimed in the file trees of 2 specs: docs/specs/billing.md (line 15), docs/specs/sessions.md (line 19). Ownership must be exclusive.",
        subjects: ["apps/gateway/src/lib/store.ts"],
        specs: ["docs/specs/billing.md", "docs/specs/sessions.md"],
        fix: expect.stringContaining("link to that spec"),
      },
    ]);
  });

  it("names every claimant when three specs list the same file", () => {
    const one = (t: string) => systemSpec(t, { 3: tree("packages/shared/", "└── config.ts") });
    const findings = run({
      "docs/specs/a.md": one("A"),
      "docs/specs/b.md": one("B"),
      "docs/specs/c.md": one("C"),
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.specs).toEqual(["docs/specs/a.md", "docs/specs/b.md", "docs/specs/c.md"]);
  });

  it("reports a file under a folder another spec claims whole", () => {
    const providers = systemSpec("Providers", {
      3: tree("apps/gateway/src/", "└── hub/              # all of it"),
    });
    const findings = run({ "docs/specs/sessions.md": SESSIONS, "docs/specs/providers.md": providers });
    expect(findings.map((f) => f.subjects[0])).toEqual([
      "apps/gateway/src/hub/hub-manager.ts",
      "apps/gateway/src/hub/session-hub.ts",
    ]);
    expect(findings[0]?.message).toContain("via `apps/gateway/src/hub/`");
  });

  it("reports a database table defined in two data-model sections", () => {
    const billing = systemSpec("Billing", {
      4: "| Table | Purpose |\n|---|---|\n| `sessions` | usage per session |",
    });
    const findings = run({ "docs/specs/sessions.md": SESSIONS, "docs/specs/billing.md": billing });
    expect(findings).toEqual([
      expect.objectContaining({
        subjects: ["table:sessions"],
        specs: ["docs/specs/billing.md", "docs/specs/sessions.md"],
        message: expect.stringMatching(/^Table `sessions` is claimed in the data models of 2 specs/),
      }),
    ]);
  });

  it.each([
    [
      "an Owner cell naming the other spec",
      "| Table | Owner | Use |\n|---|---|---|\n| `sessions` | Sessions | usage per session |",
    ],
    ["a Defined in cell saying read-only", "| Table | Defined in |\n|---|---|\n| `sessions` | read-only |"],
    [
      "a table introduced as read, not owned",
      "Billing reads but does not own these tables:\n\n| Table | Purpose |\n|---|---|\n| `sessions` | usage per session |",
    ],
  ])("does not count a table a spec only reads: %s", (_name, body) => {
    const billing = systemSpec("Billing", { 4: body });
    expect(run({ "docs/specs/sessions.md": SESSIONS, "docs/specs/billing.md": billing })).toEqual([]);
  });

  it("compares trees drawn under the repository's name with the others", () => {
    const billing = systemSpec("Billing", {
      3: tree(
        "harbor/",
        "└── apps/",
        "    └── gateway/",
        "        └── src/",
        "            └── lib/",
        "                └── store.ts",
      ),
    });
    const findings = ownershipOverlapRule.run(
      buildCheckContext({
        files: {
          [TEMPLATE_PATH]: TEMPLATE,
          "docs/specs/sessions.md": SESSIONS,
          "docs/specs/billing.md": billing,
        },
        paths: ["apps/gateway/src/lib/store.ts", "apps/gateway/src/hub/session-hub.ts"],
      }),
    );
    expect(findings.map((f) => f.subjects[0])).toEqual(["apps/gateway/src/lib/store.ts"]);
  });

  it("ignores entries that point at another spec and exempt entries", () => {
    const other = systemSpec("Other", {
      3: tree(
        "apps/gateway/src/",
        "├── hub/",
        "│   └── session-hub.ts   # owned by sessions.md",
        "└── tmp/   # generated",
      ),
    });
    const generated = systemSpec("Gen", { 3: tree("apps/gateway/src/", "└── tmp/   # generated") });
    expect(
      run({
        "docs/specs/sessions.md": SESSIONS,
        "docs/specs/other.md": other,
        "docs/specs/gen.md": generated,
      }),
    ).toEqual([]);
  });

  it("falls back to §3 File Tree without a template", () => {
    const findings = ownershipOverlapRule.run(
      buildCheckContext({
        files: { "docs/specs/a.md": SESSIONS, "docs/specs/b.md": SESSIONS.replace("# Sessions", "# Copy") },
      }),
    );
    expect(findings.map((f) => f.subjects[0])).toEqual([
      "apps/gateway/src/hub/hub-manager.ts",
      "apps/gateway/src/hub/session-hub.ts",
      "apps/gateway/src/lib/store.ts",
      "table:sessions",
    ]);
  });
});
