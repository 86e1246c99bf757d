import { MASK, maskNonProse } from "./mask-non-prose.js";

/** Phrases saying a path is absent on purpose: not in git, generated, planned, not created yet. */
const STRONG = new RegExp(
  String.raw`(?:^|[^\p{L}\p{N}_])(?:` +
    [
      String.raw`not\s+(?:yet\s+)?(?:in|tracked\s+(?:by|in)|checked\s+into|committed\s+to)\s+git`,
      String.raw`not\s+(?:yet\s+)?(?:checked\s+in|committed|tracked)`,
      String.raw`git-?ignored|ignored\s+by\s+git`,
      String.raw`(?:auto-?)?generated`,
      String.raw`build\s+(?:output|artifacts?)`,
      String.raw`hypothetical`,
      String.raw`illustrative`,
      String.raw`placeholders?`,
      String.raw`planned`,
      String.raw`proposed`,
      String.raw`(?:does|do)\s*(?:not|n't)\s+(?:yet\s+)?exist`,
      String.raw`not\s+yet\s+(?:created|implemented|written|added|exist)`,
      String.raw`(?:to|will)\s+be\s+(?:created|added|written)`,
      String.raw`(?:created|written)\s+(?:at|on)\s+(?:runtime|run\s+time|startup|first\s+run)`,
      String.raw`examples?\s+only|only\s+an?\s+example`,
    ].join("|") +
    String.raw`)(?![\p{L}\p{N}_])`,
  "iu",
);

/** Before a path, in its clause: the path is offered as an example. */
const EXAMPLE_BEFORE =
  /(?:^|[^\p{L}\p{N}_])(?:e\.g\.|for\s+(?:example|instance)(?![\p{L}\p{N}_])|examples?\s*:|example\s+[\p{L}\p{N} -]{1,30}:)/iu;
/** Right after a path: it is marked as an example. */
const EXAMPLE_AFTER =
  /^[\s,:—–-]*\(?\s*(?:e\.g\.|for\s+(?:example|instance)|(?:just\s+|only\s+)?an?\s+example|examples?|illustrative|hypothetical)(?![\p{L}\p{N}_])/iu;
/** Later in the clause after a path: "is an example", "are examples". */
const IS_EXAMPLE =
  /(?:^|[^\p{L}\p{N}_])(?:is|are)\s+(?:just\s+|only\s+)?(?:an?\s+)?examples?(?![\p{L}\p{N}_])/iu;

/** A cheap first pass: every exemption phrase contains one of these. */
const QUICK_RE =
  /not|n't|ignor|generat|output|artifact|exampl|e\.g\.|instance|hypothet|illustr|placeholder|plann|propos|be\s+(?:created|added|written)|runtime|run time|startup|first run/i;

/** A next sentence that continues about the path: "It is not in git.", "(generated)". */
const CONTINUES = /^[\s"'“(]*(?:it|this|that|they|these|those|both|neither)(?![\p{L}\p{N}_])|^\(/iu;

/** How far around a path the clause is looked for (clauses are short; this bounds the work). */
const WINDOW = 400;

/** Directory names that are never in git (dependencies, caches, VCS internals). */
const NEVER_IN_GIT = new Set([
  "node_modules",
  ".git",
  "__pycache__",
  ".venv",
  "venv",
  ".next",
  ".turbo",
  ".cache",
  ".pytest_cache",
  ".mypy_cache",
]);
/** Build-output folders: never in git at the repository root or at a package root (`packages/x/dist`). */
const BUILD_OUTPUT = new Set(["dist", "build", "out", "target", "coverage"]);
const PACKAGE_PARENTS = new Set(["packages", "apps", "services", "libs", "modules", "crates"]);
/** Local environment files: `.env`, `.env.local`, `.env.production.local`. */
const LOCAL_ENV = /^\.env(?:\.[\w-]+)*\.local$|^\.env$/;

const ABBREVIATION = /(?:^|[^\p{L}])(?:e\.g|i\.e|etc|vs|cf|approx|incl)$/iu;

function isBoundaryAt(masked: string, i: number): boolean {
  const c = masked[i];
  if (c === ";" || c === "|") return true;
  if (c === "\n")
    return masked[i + 1] === "\n" || /^\n[ \t]*(?:[-*+]|\d+[.)])[ \t]/.test(masked.slice(i, i + 8));
  if (c !== "." && c !== "!" && c !== "?") return false;
  const after = masked.charCodeAt(i + 1);
  if (!(i + 1 >= masked.length || after === 0x20 || after === 0x0a || after === 0x09)) return false;
  return c !== "." || !ABBREVIATION.test(masked.slice(Math.max(0, i - 8), i));
}

/** Removes complete `( … )` groups (they belong to what they follow, not to what comes after). */
function dropGroups(text: string): string {
  let depth = 0;
  let out = "";
  for (const ch of text) {
    if (ch === "(") depth++;
    else if (ch === ")" && depth > 0) {
      depth--;
      continue;
    }
    if (depth === 0) out += ch;
  }
  return depth === 0 ? out : text.slice(text.lastIndexOf("(") + 1);
}

/** Where the clause around [start, end) of `masked` begins and ends. */
function clauseBounds(masked: string, start: number, end: number): { from: number; to: number } {
  let from = start;
  while (from > 0 && !isBoundaryAt(masked, from - 1)) from--;
  let to = end;
  while (to < masked.length && !isBoundaryAt(masked, to)) to++;
  // The next sentence still talks about the path ("It is not in git.") unless it cites something else.
  if (to < masked.length && masked[to] !== ";" && masked[to] !== "|") {
    let next = to + 1;
    while (next < masked.length && !isBoundaryAt(masked, next)) next++;
    const sentence = masked.slice(to + 1, next);
    if (CONTINUES.test(sentence) && !sentence.includes(MASK)) to = next;
  }
  return { from, to };
}

/** Whether text before a path (in its clause) and after it marks the path as absent on purpose. */
function judge(before: string, after: string): boolean {
  return (
    STRONG.test(before) ||
    STRONG.test(after) ||
    EXAMPLE_BEFORE.test(before) ||
    EXAMPLE_AFTER.test(after) ||
    IS_EXAMPLE.test(after)
  );
}

/**
 * True when the clause around `text[start, end)` (a path or code span inside a paragraph, list
 * item or table cell) says that path is not in git, generated, planned, or only an example. The
 * phrase must belong to the path: the same sentence or `;`-clause (a note on the next line of the
 * same sentence counts; so does a next sentence starting "It …" that cites nothing else), and a
 * parenthetical note only counts for the path it follows. "FastAPI examples" describing what a
 * folder holds is not an exemption; "e.g. `x`", "`x` (example)" are. Words inside other paths and
 * code spans are ignored. Looks at most a few hundred characters around the path, and only within
 * `text[blockStart, blockEnd)` (the paragraph, list item or cell) when given.
 */
export function isExemptAt(
  text: string,
  start: number,
  end: number,
  blockStart = 0,
  blockEnd = text.length,
): boolean {
  const lo = Math.max(blockStart, start - WINDOW);
  const hi = Math.min(blockEnd, end + WINDOW);
  if (start < lo || end > hi) return false;
  const window = text.slice(lo, hi);
  if (!QUICK_RE.test(window)) return false;
  const masked = maskNonProse(window);
  const s = start - lo;
  const e = end - lo;
  const { from, to } = clauseBounds(masked, s, e);
  let before = masked.slice(from, s);
  let after = masked.slice(e, to);
  const open = lastUnclosedParen(before);
  if (open >= 0) {
    // The path sits inside a parenthesis: its clause is the parenthesis.
    before = before.slice(open + 1);
    const close = after.indexOf(")");
    if (close >= 0) after = after.slice(0, close);
  }
  return judge(dropGroups(before), after);
}

function lastUnclosedParen(text: string): number {
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    if (text[i] === ")") depth++;
    else if (text[i] === "(") {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/**
 * True when a note attached to a path (a file-tree comment, a notes cell) says the path is not in
 * git, generated or planned, or starts by marking it as an example (`# example`, `(e.g. staging)`).
 * A note that merely mentions examples ("usage examples") is not an exemption.
 */
export function isExemptNote(note: string): boolean {
  if (note === "" || !QUICK_RE.test(note)) return false;
  const masked = maskNonProse(note.length > 2 * WINDOW ? note.slice(0, 2 * WINDOW) : note);
  return judge("", masked);
}

/**
 * True when the text introducing a block of paths (the paragraph before a file tree) marks them as
 * not in git, generated, planned or examples: judged on its last sentence ("Example layout:").
 */
export function isExemptIntro(text: string): boolean {
  if (text === "" || !QUICK_RE.test(text)) return false;
  const tail = text.length > 2 * WINDOW ? text.slice(-2 * WINDOW) : text;
  const masked = maskNonProse(tail.replace(/[\s.!?]+$/, ""));
  const { from } = clauseBounds(masked, masked.length, masked.length);
  const sentence = masked.slice(from);
  return judge(sentence, "") || /^[\s*_]*(?:an?\s+|for\s+)?examples?(?![\p{L}\p{N}_])/iu.test(sentence);
}

/**
 * True when a path lies where nothing is committed: dependency and cache folders (`node_modules/`,
 * `.git/`, `__pycache__/`, …), build output (`dist/`, `build/`, `out/`, `target/`, `coverage/` at the
 * root or a package root such as `packages/api/dist/`), or local env files (`.env`, `.env.local`).
 */
export function isNeverInGit(path: string): boolean {
  const segments = path.split("/");
  if (segments.some((segment) => NEVER_IN_GIT.has(segment))) return true;
  const first = segments[0] ?? "";
  if (segments.length > 1 && BUILD_OUTPUT.has(first)) return true;
  if (segments.length > 3 && PACKAGE_PARENTS.has(first) && BUILD_OUTPUT.has(segments[2] ?? "")) return true;
  return LOCAL_ENV.test(segments[segments.length - 1] ?? "");
}
