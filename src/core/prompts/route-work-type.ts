/** Which prompt drafts the spec, and why. */
export interface WorkRoute {
  kind: "implementation" | "agent";
  /** Why, in words a reviewer can check against the document (with line numbers). */
  reasons: string[];
}

type Category = "agent" | "api" | "frontend" | "database";

interface Signal {
  label: string;
  category: Category;
  patterns: RegExp[];
}

const SIGNALS: readonly Signal[] = [
  { label: "agents", category: "agent", patterns: [/(?<!user[- ])\b(?:sub-?|multi-)?agents?\b/i] },
  {
    label: "LLMs",
    category: "agent",
    patterns: [
      /\bLLMs?\b|\blarge language models?\b|\bClaude\b|\bGPT(?:-[\w.]+)?\b|\bOpenAI\b|\bAnthropic\b|\bGemini\b/i,
    ],
  },
  { label: "prompts", category: "agent", patterns: [/\bprompts?\b/i] },
  {
    label: "tool calling",
    category: "agent",
    patterns: [
      /\btool[- ]?(?:calls?|calling|use|schemas?|definitions?)\b|\b(?:calls?|calling|uses?|invokes?) (?:\w+ )?tools\b|\bfunction[- ]calling\b|\bMCP\b/i,
    ],
  },
  {
    label: "orchestration",
    category: "agent",
    patterns: [/\borchestrat\w*|\bLangGraph\b|\bLangChain\b|\bDSPy\b|\bCrewAI\b|\bAutoGen\b/i],
  },
  {
    label: "evaluation",
    category: "agent",
    patterns: [
      /\bevals?\b|\bevaluation (?:set|suite|harness|dataset|metrics?)\b|\bLLM[- ]as[- ]an?[- ]judge\b|\bgolden (?:set|dataset)\b/i,
    ],
  },
  {
    label: "retrieval",
    category: "agent",
    patterns: [/\bRAG\b|\bembeddings?\b|\bvector (?:store|database|search|index)\b/i],
  },
  {
    label: "API endpoints",
    category: "api",
    patterns: [
      /\bendpoints?\b|\bREST(?:ful)?\b|\bGraphQL\b|\bgRPC\b|\bOpenAPI\b|\bwebhooks?\b|\bAPI routes?\b/i,
      /\b(?:GET|POST|PUT|PATCH|DELETE)\s+\/[\w/{}:.-]*/,
    ],
  },
  {
    label: "frontend",
    category: "frontend",
    patterns: [
      /\bfront-?end\b|\buser interface\b|\bReact\b|\bNext\.js\b|\bVue\b|\bSvelte\b|\bAngular\b|\bTailwind\b|\bweb (?:app|page|form)s?\b|\bdashboards?\b/i,
      /\bUI\b|\bCSS\b/,
    ],
  },
  {
    label: "database",
    category: "database",
    patterns: [
      /(?<!vector )\bdatabases?\b|\b(?:database|schema|DB) migrations?\b|\bPostgres(?:QL)?\b|\bMySQL\b|\bSQLite\b|\bMongoDB\b|\bDynamoDB\b|\bPrisma\b|\bDrizzle\b|\bSQLAlchemy\b/i,
      /\bDB\b|\bSQL\b|\bORM\b/,
    ],
  },
];

const OUT_PHRASES = String.raw`out of scope|out-of-scope|not in scope|non-goals?|deferred|future work`;
/** Headings that open an ignored section: `## Out of scope`, `## Non-goals`, `## Deferred`. */
const OUT_HEADING_RE = new RegExp(String.raw`\b(?:${OUT_PHRASES})\b`, "i");
const LABEL_RE = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?([A-Za-z][A-Za-z -]*?)(?:\*\*|__)?\s*:/;
/** Labels that open an ignored block: `**Out:**`, `Deferred:` (a bare `Out:` counts too). */
const OUT_LABEL_RE = new RegExp(String.raw`^(?:${OUT_PHRASES}|out)$`, "i");
const IN_LABEL_RE = /^(?:in|in scope|scope|included)$/i;
const INLINE_OUT_RE = /\b(?:out of scope|not in scope|non-goal)\b/i;
const NEGATION_RE = /\b(?:no|not|without|never|nor|neither)\b|n't\b/i;
const DECLARED_TYPE_RE =
  /^\s*(?:\|\s*)?(?:\*\*)?(?:work )?type(?:\*\*)?\s*[:|]\s*(?:\*\*)?`?(agent-langgraph|agent-dspy|backend-api|frontend)\b/i;

function isNegated(line: string, index: number): boolean {
  const before = line.slice(0, index).trim().split(/\s+/).slice(-3).join(" ");
  return NEGATION_RE.test(before);
}

/** First line (1-based) of each signal that counts, in document order. */
function scanSignals(lines: readonly string[]): Map<Signal, number> {
  const found = new Map<Signal, number>();
  let excluded = false;
  lines.forEach((line, i) => {
    const heading = /^\s{0,3}#{1,6}\s+(.*)$/.exec(line);
    if (heading) excluded = OUT_HEADING_RE.test(heading[1] ?? "");
    const label = LABEL_RE.exec(line)?.[1]?.trim();
    if (label && OUT_LABEL_RE.test(label)) excluded = true;
    else if (label && IN_LABEL_RE.test(label)) excluded = false;
    if (excluded || heading) return;
    for (const sentence of line.split(/(?<=[.!?;])\s+/)) {
      if (INLINE_OUT_RE.test(sentence)) continue;
      for (const signal of SIGNALS) {
        if (found.has(signal)) continue;
        const counts = signal.patterns.some((re) =>
          [...sentence.matchAll(new RegExp(re.source, `${re.flags}g`))].some(
            (m) => !isNegated(sentence, m.index),
          ),
        );
        if (counts) found.set(signal, i + 1);
      }
    }
  });
  return found;
}

const describe = (entries: [Signal, number][]): string =>
  entries.map(([signal, line]) => `${signal.label} (line ${line})`).join(", ");

/**
 * Decides which prompt drafts a discovery document's spec, by transparent keyword scoring.
 *
 * - An explicit work type in the document wins: a line such as `Type: agent-langgraph` or a
 *   Meta table row `| Type | backend-api |`.
 * - Otherwise each line is scanned for signals in four categories: agent (agents, LLMs,
 *   prompts, tool calling, orchestration frameworks, evaluation, retrieval), API, frontend and
 *   database. Each signal group counts once, however often it appears.
 * - Ignored: lines in sections or labelled blocks that are out of scope, non-goals, deferred or
 *   future work (`## Out of scope`, `**Out:**`, `Deferred:`), sentences that themselves say
 *   "out of scope"/"not in scope", and matches negated by one of the three words before them
 *   ("no UI", "without a database", "does not add an endpoint").
 * - Pure agent work = at least two distinct agent signal groups and no API, frontend or
 *   database signal. Anything else, including hybrids, goes to the implementation prompt,
 *   which knows how to hand an agent component off; when unsure, that is the safe side.
 */
export function routeWorkType(discoveryText: string): WorkRoute {
  const lines = discoveryText.replace(/\r\n?/g, "\n").split("\n");
  for (const [i, line] of lines.entries()) {
    const declared = DECLARED_TYPE_RE.exec(line)?.[1]?.toLowerCase();
    if (declared) {
      const kind = declared.startsWith("agent-") ? "agent" : "implementation";
      return { kind, reasons: [`the document declares the work type ${declared} (line ${i + 1})`] };
    }
  }

  const found = [...scanSignals(lines).entries()];
  const agent = found.filter(([s]) => s.category === "agent");
  const other = found.filter(([s]) => s.category !== "agent");
  const reasons: string[] = [];
  if (agent.length > 0) reasons.push(`agent signals: ${describe(agent)}`);
  if (other.length > 0) {
    reasons.push(`API, frontend or database signals: ${describe(other)}`);
    if (agent.length >= 2)
      reasons.push("hybrid work: the agent component gets its own chunk and a separate agent spec");
    return { kind: "implementation", reasons };
  }
  if (agent.length >= 2) {
    reasons.push("no API, frontend or database signals: pure agent work");
    return { kind: "agent", reasons };
  }
  reasons.push(`too few agent signals (${agent.length}, at least 2 needed) for pure agent work`);
  return { kind: "implementation", reasons };
}
