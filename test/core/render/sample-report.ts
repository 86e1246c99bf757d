import { summarizeFindings, type CheckReport } from "../../../src/core/checks/summarize-findings.js";
import type { Finding } from "../../../src/core/checks/types.js";

const FINDINGS: Finding[] = [
  {
    id: "SW-00000001",
    rule: "ownership-overlap",
    severity: "error",
    file: "docs/specs/billing.md",
    line: 40,
    message: "src/billing/ledger.ts is in the file tree of 2 specs: billing.md, payments.md.",
    subjects: ["src/billing/ledger.ts", "docs/specs/billing.md", "docs/specs/payments.md"],
    specs: ["docs/specs/billing.md", "docs/specs/payments.md"],
    fix: "Keep the file in one spec's file tree; link to that spec from the other.",
  },
  {
    id: "SW-00000002",
    rule: "glossary-term",
    severity: "info",
    file: "docs/specs/billing.md",
    line: 77,
    message: 'Uses "tenant" | the glossary says "workspace".',
    subjects: ["tenant", "docs/specs/billing.md"],
    specs: ["docs/specs/billing.md"],
    fix: 'Write "workspace".',
  },
  {
    id: "SW-00000003",
    rule: "input",
    severity: "warning",
    file: "docs/specs/notes,v2.md",
    line: undefined,
    message: "100% unreadable:\nnot UTF-8",
    subjects: ["docs/specs/notes,v2.md"],
    specs: ["docs/specs/notes,v2.md"],
    fix: "Save as UTF-8.",
  },
];

/** A small report covering several severities, a multi-spec finding, a finding without line and awkward characters. */
export const SAMPLE_REPORT: CheckReport = {
  findings: FINDINGS,
  summary: summarizeFindings(FINDINGS, {
    commit: "0123456789abcdef0123456789abcdef01234567",
    specsChecked: 6,
  }),
};

/** A report without findings. */
export const EMPTY_REPORT: CheckReport = {
  findings: [],
  summary: summarizeFindings([], { commit: "WORKTREE", specsChecked: 2 }),
};
