const EXEMPT_RE = new RegExp(
  [
    String.raw`not\s+(?:yet\s+)?(?:in|tracked\s+(?:by|in)|checked\s+into|committed\s+to)\s+git`,
    String.raw`not\s+(?:yet\s+)?(?:checked\s+in|committed|tracked)`,
    String.raw`git-?ignored`,
    String.raw`(?:auto-?)?generated`,
    String.raw`build\s+output`,
    String.raw`examples?`,
    String.raw`e\.g\.`,
    String.raw`for\s+instance`,
    String.raw`hypothetical`,
    String.raw`illustrative`,
    String.raw`placeholder`,
    String.raw`planned`,
    String.raw`proposed`,
    String.raw`(?:does|do)\s*(?:not|n't)\s+(?:yet\s+)?exist(?:\s+yet)?`,
    String.raw`not\s+yet\s+(?:created|implemented|written|added|exist)`,
    String.raw`to\s+be\s+(?:created|added|written)`,
    String.raw`will\s+be\s+(?:created|added|written)`,
    String.raw`(?:created|written)\s+at\s+runtime`,
  ].join("|"),
  "i",
);
const EXEMPT_WORDS_RE = new RegExp(
  String.raw`(?:^|[^\p{L}\p{N}_])(?:${EXEMPT_RE.source})(?![\p{L}\p{N}_])`,
  "iu",
);

/** A cheap first pass: every exemption phrase contains one of these. */
const QUICK_RE =
  /not|n't|ignor|generat|output|exampl|e\.g\.|instance|hypothet|illustr|placeholder|plann|propos|be\s+(?:created|added|written)|runtime/i;

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

/**
 * True when `text` (the line, table row or tree comment around a path) says the path is not in git,
 * generated, an example, hypothetical or planned — so a missing file there is not a broken citation.
 */
export function isExemptContext(text: string): boolean {
  if (!QUICK_RE.test(text)) return false;
  // Paths and code spans are not context: `examples/app.ts` or `generated.ts` say nothing about themselves.
  const prose = text
    .replace(/`[^`]*`/g, " ")
    .replace(/\S*\/\S*/g, " ")
    .replace(/[\w-]+\.[A-Za-z0-9]{2,}\b/g, " ");
  return EXEMPT_WORDS_RE.test(prose);
}

/** True when a path lies in a directory that is never committed (`node_modules/`, `.git/`, `__pycache__/`, …). */
export function isNeverInGit(path: string): boolean {
  return path.split("/").some((segment) => NEVER_IN_GIT.has(segment));
}
