import { describe, expect, it } from "vitest";
import { citationMissingRule } from "../../../../src/core/checks/rules/citation-missing.js";
import { buildCheckContext } from "../../../helpers/check-context.js";
import { fence } from "./system-fixtures.js";

const REPO = [
  "apps/gateway/src/hub/hub-manager.ts",
  "apps/gateway/src/hub/session-hub.ts",
  "apps/gateway/src/lib/store.ts",
  "packages/db/src/schema/sessions.ts",
  "package.json",
];

const run = (spec: string, extra: Record<string, string> = {}) =>
  citationMissingRule.run(
    buildCheckContext({ files: { "docs/specs/sessions.md": spec, ...extra }, paths: REPO }),
  );

describe("citation-missing", () => {
  it("accepts citations that exist: files, folders, trees, links, bare names", () => {
    const spec = [
      "# Sessions",
      "",
      "The hub is `apps/gateway/src/hub/session-hub.ts:SessionHub`; folders like `apps/gateway/src/hub/` and `packages/db` exist.",
      "Dependencies are in `package.json`; the manager is `hub-manager.ts`.",
      "See [the store](../../apps/gateway/src/lib/store.ts) and packages/db/src/schema/sessions.ts.",
      "Other specs: `billing.md`, `docs/specs/missing-spec.md` (xref-broken checks those).",
      "Not paths: `application/json`, `owner/repo`, `src/**/*.ts`, `/api/sessions`.",
      "",
      fence(
        [
          "apps/gateway/src/",
          "├── hub/",
          "│   ├── hub-manager.ts",
          "│   └── session-hub.ts",
          "└── lib/",
          "    └── store.ts",
        ].join("\n"),
      ),
      "",
      "Planned: `apps/gateway/src/hub/evictor.ts` does not exist yet; `dist/gateway.js` is generated.",
    ].join("\n");
    expect(run(spec)).toEqual([]);
  });

  it("flags a missing file with its line, and suggests the real path", () => {
    const findings = run(
      "# S\n\nThe hub is in `src/hub/session-hub.ts` and `apps/gateway/src/hub/sesion-hub.ts`.\n",
    );
    expect(findings).toEqual([
      {
        rule: "citation-missing",
        severity: "error",
        file: "docs/specs/sessions.md",
        line: 3,
        message: "Cited path `src/hub/session-hub.ts` does not exist at this commit.",
        subjects: ["src/hub/session-hub.ts"],
        specs: ["docs/specs/sessions.md"],
        fix: "Correct the path: did you mean `apps/gateway/src/hub/session-hub.ts`?",
      },
      expect.objectContaining({
        subjects: ["apps/gateway/src/hub/sesion-hub.ts"],
        fix: expect.stringContaining("say next to the path"),
      }),
    ]);
  });

  it("reports a path cited several times once, with the count", () => {
    const findings = run("# S\n\n`apps/x.ts` here\n\nand `apps/x.ts` there\n");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 3, message: expect.stringContaining("cited 2 times") });
  });

  it("reports a missing tree folder once, not every entry under it", () => {
    const tree = fence(["apps/gatewy/src/", "├── hub/", "│   └── hub-manager.ts", "└── index.ts"].join("\n"));
    const findings = run(`# S\n\n${tree}\n`);
    expect(findings).toEqual([
      expect.objectContaining({
        line: 4,
        subjects: ["apps/gatewy/src"],
        message:
          "Cited folder `apps/gatewy/src` does not exist at this commit, nor do the 3 entries listed under it.",
      }),
    ]);
  });

  it("flags a missing folder citation and a missing table path", () => {
    const spec =
      "# S\n\nHandlers live in `apps/gateway/src/api/`.\n\n| Feature | Evidence |\n|---|---|\n| Store | apps/gateway/src/lib/db.ts |\n";
    expect(run(spec).map((f) => [f.subjects[0], f.line])).toEqual([
      ["apps/gateway/src/api", 3],
      ["apps/gateway/src/lib/db.ts", 7],
    ]);
  });

  it("flags an unknown bare file name in a table as a warning", () => {
    expect(run("# S\n\n| File | Role |\n|---|---|\n| `nowhere.ts` | entry |\n")).toEqual([
      expect.objectContaining({ severity: "warning", subjects: ["nowhere.ts"] }),
    ]);
  });

  it.each([
    ["a method call", "The handler calls `res.json` with the body."],
    ["a local env file", "Secrets come from `.env`."],
    ["a bare unknown name", "See `nowhere.ts`."],
  ])("does not flag %s written as code in prose", (_name, line) => {
    expect(run(`# S\n\n${line}\n`)).toEqual([]);
  });

  it.each([["dist/index.js"], ["build/app.js"], ["coverage/lcov.info"], ["apps/gateway/dist/server.js"]])(
    "does not flag build output such as %s",
    (path) => {
      expect(run(`# S\n\nThe bundle is \`${path}\`.\n`)).toEqual([]);
    },
  );

  it("reports a missing top-level folder that absorbed its entries as an error", () => {
    const tree = fence(["services/", "├── api/", "│   └── main.py", "└── worker.py"].join("\n"));
    expect(run(`# S\n\n${tree}\n`)).toEqual([
      expect.objectContaining({
        severity: "error",
        subjects: ["services"],
        message:
          "Cited folder `services` does not exist at this commit, nor do the 3 entries listed under it.",
      }),
    ]);
  });

  it.each([
    [
      "the repository's name",
      ["acme-gateway/", "├── apps/", "│   └── gateway/", "│       └── src/", "└── package.json"],
    ],
    [
      "a label with the path in parentheses",
      ["Gateway (apps/gateway/src)", "├── hub/", "│   └── hub-manager.ts", "└── lib/"],
    ],
  ])("resolves a tree whose root line is %s", (_name, lines) => {
    expect(run(`# S\n\n${fence(lines.join("\n"))}\n`)).toEqual([]);
  });

  it("still reports entries of a repository-name tree that do not exist", () => {
    const tree = fence(["acme-gateway/", "├── apps/", "├── package.json", "└── nope.ts"].join("\n"));
    expect(run(`# S\n\n${tree}\n`).map((f) => f.subjects)).toEqual([["nope.ts"]]);
  });

  it("checks implementation specs' Reference Files only (plans list files still to be created)", () => {
    const impl = [
      "# Export",
      "",
      "## Reference Files",
      "",
      "- `apps/gateway/src/lib/store.ts` — store",
      "- `src/api/routes.py` — patterns",
      "",
      "## Execution Plan",
      "",
      "| Stream | Owns |",
      "|---|---|",
      "| api | `src/export/`, `src/export/csv.ts` |",
    ].join("\n");
    const findings = citationMissingRule.run(
      buildCheckContext({ files: { "specs/export.md": impl }, paths: REPO }),
    );
    expect(findings).toEqual([
      expect.objectContaining({ file: "specs/export.md", line: 6, subjects: ["src/api/routes.py"] }),
    ]);
  });
});
