import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import {
  ORBIT_AGENTS,
  ORBIT_BAD_SPEC,
  ORBIT_DISCOVERY,
  ORBIT_IMPL_SPEC,
  orbitFiles,
  orbitSpec,
  type OrbitAgent,
} from "../helpers/orbit-repo.js";
import {
  IMPLEMENTATION,
  mockAgents,
  readFile,
  reportFindings,
  REVIEW,
  submitSpec,
  type ScriptedReply,
} from "../helpers/scripted-agents.js";

const KEY = "sk-ant-test-key-generate-0000";
const GATEWAY = "http://model-gateway.test:8080";

function fakeIo(
  cwd: string,
  env: Record<string, string | undefined>,
): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { out: (t) => stdout.push(t), err: (t) => stderr.push(t), cwd, env, isTTY: false, stdout, stderr };
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.name=Spec Test", "-c", "user.email=spec@test.invalid", ...args], {
    cwd,
    stdio: "pipe",
  });

const happy = (name: OrbitAgent): ScriptedReply[] => [
  readFile(ORBIT_AGENTS[name].file),
  submitSpec(orbitSpec(name)),
];

describe("specwright generate", () => {
  let repo: string;
  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), "specwright-generate-"));
    for (const [path, text] of Object.entries(orbitFiles())) {
      mkdirSync(dirname(join(repo, path)), { recursive: true });
      writeFileSync(join(repo, path), text);
    }
    git(repo, "init", "-q", "-b", "main");
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "Orbit Books");
  });
  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  const read = (path: string) => readFileSync(join(repo, path), "utf8");

  it("writes the specs and the review into the working tree and prints progress and the summary", async () => {
    const mock = mockAgents(
      {
        catalog: happy("catalog"),
        cart: happy("cart"),
        checkout: happy("checkout"),
        receipts: happy("receipts"),
        [REVIEW]: [
          reportFindings([
            {
              category: "missing-xref",
              severity: "warning",
              specs: ["docs/specs/receipts.md", "docs/specs/cart.md"],
              subjects: ["Cart"],
              evidence: [{ file: "docs/specs/receipts.md", line: 6 }],
              message: "Receipts builds on checkout but never says which Cart contents a receipt lists.",
              fix: "Add a link to cart.md §3 in receipts.md §1.",
            },
          ]),
        ],
      },
      {
        baseUrl: GATEWAY,
        // Phase 1's specs are in the working tree (a checkpoint) before phase 2 starts.
        onCall: (call) => {
          if (call.agent === "checkout" && call.index === 0) {
            checkpoint = existsSync(join(repo, "docs/specs/cart.md"));
          }
        },
      },
    );
    let checkpoint: boolean | undefined;
    const io = fakeIo(tmpdir(), { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: GATEWAY });
    const code = await main(["generate", "--repo", repo], io);
    const out = io.stdout.join("\n");

    expect(io.stderr).toEqual([]);
    expect(mock.scope.isDone()).toBe(true);
    expect(code).toBe(0);
    for (const name of ["catalog", "cart", "checkout", "receipts"] as const) {
      expect(read(`docs/specs/${name}.md`)).toBe(orbitSpec(name));
    }
    expect(checkpoint).toBe(true);
    const review = read("docs/specs/consistency-review.md");
    expect(review).toContain("never says which Cart contents a receipt lists");
    // Live progress: one line per event without a terminal.
    expect(out).toMatch(/\[phase 2\] checkout +running {2}turn 1 {2}100 in · 20 out/);
    expect(out).toMatch(/\[phase 3\] receipts +succeeded/);
    expect(out).toContain("phase 1 settled");
    expect(out).toContain("consistency review: ");
    // Written files, then the summary table.
    expect(out).toContain(`Wrote 5 files into `);
    expect(out).toContain("  docs/specs/consistency-review.md");
    expect(out).toMatch(/Agent +Status +Turns +Input +Cached +Output +Cost +Time +Files read/);
    expect(out).toMatch(/catalog +succeeded +2 +200 +0 +40 /);
    expect(out).toMatch(/consistency-review +succeeded +1 /);
    expect(out).toMatch(/Total +5\/5 succeeded +9 +900 /);
    // The key goes to the gateway as a bearer token and nowhere else.
    expect(mock.calls[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(out).not.toContain(KEY);
    // The working tree now has the new specs uncommitted; HEAD is unchanged.
    expect(git(repo, "status", "--porcelain").toString()).toContain("?? docs/specs/catalog.md");
  });

  it("exits 1 when an agent fails, keeps the others and names the problem", async () => {
    const mock = mockAgents(
      {
        catalog: happy("catalog"),
        cart: [submitSpec(ORBIT_BAD_SPEC), submitSpec(ORBIT_BAD_SPEC), submitSpec(ORBIT_BAD_SPEC)],
        [REVIEW]: [reportFindings([])],
      },
      { baseUrl: GATEWAY },
    );
    const io = fakeIo(repo, { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: GATEWAY });
    expect(await main(["generate"], io)).toBe(1);
    expect(mock.scope.isDone()).toBe(true);
    const out = io.stdout.join("\n");
    expect(existsSync(join(repo, "docs/specs/catalog.md"))).toBe(true);
    expect(existsSync(join(repo, "docs/specs/cart.md"))).toBe(false);
    expect(existsSync(join(repo, "docs/specs/consistency-review.md"))).toBe(true);
    expect(out).toMatch(/cart +failed-validation +3 /);
    expect(out).toMatch(/checkout +skipped +0 /);
    expect(out).toContain(
      "  cart failed-validation: The submission still fails 3 checks after 2 repair rounds.",
    );
    // What still fails, so the user can see why without opening anything.
    expect(out).toContain(
      '    Still failing:\n      - template-section docs/specs/cart.md:3: Template section "2. File Tree" is missing.\n' +
        "      - citation-missing docs/specs/cart.md:5: Cited path `src/catalog/inventory.ts` does not exist at this commit.",
    );
    expect(out).toContain('  checkout skipped: Depends on "cart", which failed.');
  });

  it("needs ANTHROPIC_API_KEY and calls nothing without it", async () => {
    const io = fakeIo(repo, {});
    expect(await main(["generate", "catalog"], io)).toBe(2);
    expect(io.stderr.join("\n")).toContain("ANTHROPIC_API_KEY is not set");
    expect(existsSync(join(repo, "docs/specs/catalog.md"))).toBe(false);
  });

  it("refuses to overwrite uncommitted changes unless --force is given", async () => {
    writeFileSync(join(repo, "docs/specs/catalog.md"), "# My draft\n");
    const io = fakeIo(repo, { ANTHROPIC_API_KEY: KEY });
    expect(await main(["generate", "catalog", "--no-review"], io)).toBe(2);
    expect(io.stderr.join("\n")).toContain(
      "uncommitted changes and would be overwritten:\n  docs/specs/catalog.md",
    );
    expect(read("docs/specs/catalog.md")).toBe("# My draft\n");

    const mock = mockAgents({ catalog: happy("catalog") });
    const forced = fakeIo(repo, { ANTHROPIC_API_KEY: KEY });
    expect(await main(["generate", "catalog", "--no-review", "--force"], forced)).toBe(0);
    expect(mock.scope.isDone()).toBe(true);
    expect(read("docs/specs/catalog.md")).toBe(orbitSpec("catalog"));
    expect(existsSync(join(repo, "docs/specs/consistency-review.md"))).toBe(false);
  });

  it("prints the exact requests with --dry-run, without a key and without calling the model", async () => {
    const io = fakeIo(repo, {});
    expect(await main(["generate", "--dry-run", "checkout", "--with-dependents"], io)).toBe(0);
    const out = io.stdout.join("\n");
    expect(out).toContain("Dry run: nothing is sent. The first request of each of the 2 planned agents");
    expect(out).toContain("POSTed to https://api.anthropic.com/v1/messages");
    expect(out).toContain(
      "=== [phase 2] checkout → docs/specs/checkout.md ===\nmodel: claude-sonnet-5-5, max_tokens: 32000",
    );
    expect(out).toMatch(
      /--- system block 1\/4 \([\d,]+ characters, sha256 [0-9a-f]{12}\) ---\nYou are a senior engineer documenting the Orbit Books codebase/,
    );
    expect(out).toMatch(/--- system block 4\/4 \[cache_control: ephemeral\] \(/);
    expect(out).toContain('"name": "submit_spec"');
    expect(out).toContain(
      "--- first user message [cache_control: ephemeral] ---\n# Your assignment: Checkout & Payment",
    );
    // The phase-3 agent reads checkout.md, which this run writes first: a placeholder, said so.
    expect(out).toContain("placeholder: docs/specs/checkout.md (written by checkout earlier in this run)");
    expect(out).toContain(
      "[Placeholder in this dry run: the `checkout` agent writes this spec earlier in the run",
    );
    expect(out).toMatch(
      /--- system block 1\/5: same [\d,]+ characters as system block 1\/4 of \[phase 2\] checkout/,
    );
    // The tools carry the cache breakpoint (on the last one), and the marker says so.
    expect(out).toMatch(
      /--- tools \(read_file, list_directory, search, submit_spec\) \[cache_control: ephemeral\] \([\d,]+ characters/,
    );
    expect(out).toMatch(
      /--- tools \(read_file, list_directory, search, submit_spec\) \[cache_control: ephemeral\]: same [\d,]+ characters as tools/,
    );
    // The assignment states the limits and the target length.
    expect(out).toContain("**Target length:** 12–200 lines.");
    expect(out).toContain("**Your limits:** at most 40 turns");
    // The consistency review's LLM pass is previewed too, over placeholders.
    expect(out).toContain(
      "=== [phase 4] consistency review (LLM pass) → docs/specs/consistency-review.md ===",
    );
    expect(out).toContain("placeholder: docs/specs/receipts.md (written by receipts in this run)");
    expect(out).toMatch(
      /--- tools \(read_file, list_directory, search, report_findings\) \[cache_control: ephemeral\]/,
    );
    expect(out).toContain("Please review these 2 specs as a set:");
    expect(out).toContain("Findings already reported by the deterministic checks (0):");
    // catalog.md and cart.md are neither committed nor written by this run: said in the assignment and as warnings.
    expect(out).not.toContain("=== [phase 1]");
    expect(out).toContain("- `docs/specs/cart.md` (not included above: read it with `read_file`");
    expect(io.stderr).toContain(
      'warning: Agent "checkout" reads docs/specs/catalog.md, which does not exist yet and is written by "catalog", which is not selected. Select "catalog" too, or regenerate it first.',
    );
  });

  it("says when the review would make no model request, and previews nothing for it with --no-review", async () => {
    writeFileSync(
      join(repo, ".github/specwright.yml"),
      `${readFileSync(join(repo, ".github/specwright.yml"), "utf8").replace("  specsDir: docs/specs\n", "  specsDir: docs/specs\n  review: { llm: false }\n")}`,
    );
    git(repo, "commit", "-q", "-am", "No LLM review");
    const io = fakeIo(repo, {});
    expect(await main(["generate", "--dry-run", "receipts"], io)).toBe(0);
    const out = io.stdout.join("\n");
    expect(out).not.toContain("consistency review (LLM pass)");
    expect(out).toContain(
      "The consistency review (docs/specs/consistency-review.md) would make no model request: systemSpecs.review.llm is false",
    );
    const quiet = fakeIo(repo, {});
    expect(await main(["generate", "--dry-run", "receipts", "--no-review"], quiet)).toBe(0);
    expect(quiet.stdout.join("\n")).not.toContain("consistency review");
  });

  it("previews the implementation-spec request of --issue-file with --dry-run", async () => {
    writeFileSync(join(repo, "issue.md"), "# Gift cards for orders\n\nLet readers pay with gift cards.\n");
    const io = fakeIo(repo, {});
    expect(await main(["generate", "--issue-file", "issue.md", "--dry-run"], io)).toBe(0);
    const out = io.stdout.join("\n");
    expect(out).toContain("The first request of the implementation-spec builder for issue file issue.md");
    expect(out).toContain("It would write specs/gift-cards-for-orders.md from ");
    expect(out).toContain("=== implementation spec → specs/gift-cards-for-orders.md ===");
    expect(out).toContain('<document path="issue file issue.md">\n# Gift cards for orders');
  });

  it("writes an implementation spec from --discovery and prints its open questions", async () => {
    mkdirSync(join(repo, "docs/discovery"), { recursive: true });
    writeFileSync(join(repo, "docs/discovery/order-export.md"), ORBIT_DISCOVERY);
    const mock = mockAgents({
      [IMPLEMENTATION]: [readFile("src/checkout/checkout.ts"), submitSpec(ORBIT_IMPL_SPEC)],
    });
    const io = fakeIo(repo, { ANTHROPIC_API_KEY: KEY });
    expect(await main(["generate", "--discovery", "docs/discovery/order-export.md"], io)).toBe(0);
    expect(mock.scope.isDone()).toBe(true);
    expect(read("specs/order-export.md")).toBe(ORBIT_IMPL_SPEC);
    const first = JSON.stringify(mock.of(IMPLEMENTATION)[0]?.body.messages[0]);
    expect(first).toContain("Do refunded orders belong in the export?");
    expect(first).toContain("docs/discovery/order-export.md");
    const out = io.stdout.join("\n");
    expect(out).toContain(
      "Open questions for reviewers (also in the spec's Notes):\n  - Do refunded orders belong in the export?\n  - Should the export include the buyer's email address?",
    );
  });

  it.each([
    [
      ["--discovery", "a.md", "--issue-file", "b.md"],
      "--discovery and --issue-file cannot be used together.",
    ],
    [
      ["--discovery", "a.md", "catalog"],
      "--discovery writes one implementation spec; agent names and --with-dependents do not apply.",
    ],
    [["--issue-file", "missing.md", "--dry-run"], "--issue-file missing.md: no such file."],
  ])("rejects %j with exit 2", async (args, message) => {
    const io = fakeIo(repo, { ANTHROPIC_API_KEY: KEY });
    expect(await main(["generate", ...args], io)).toBe(2);
    expect(io.stderr.join("\n")).toContain(message);
  });
});
