import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from "yaml";
import type { z } from "zod";
import type { ConfigProblem } from "../errors.js";
import { configSchema, type Config } from "./config-schema.js";

export type ParseConfigResult = { ok: true; config: Config } | { ok: false; problems: ConfigProblem[] };

type PathPart = string | number;

/** `systemSpecs.agents[2].phase` */
export function formatKeyPath(path: readonly PathPart[]): string {
  return path.reduce<string>((acc, part) => {
    if (typeof part === "number") return `${acc}[${part}]`;
    return acc === "" ? part : `${acc}.${part}`;
  }, "");
}

function childNode(node: unknown, part: PathPart): { value: unknown; keyNode?: unknown } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part));
    return pair ? { value: pair.value, keyNode: pair.key } : undefined;
  }
  if (isSeq(node) && typeof part === "number") {
    const item = node.items[part];
    return item === undefined ? undefined : { value: item };
  }
  return undefined;
}

/** Finds the source offset of the deepest node along `path` (the key itself when `pointAtKey`). */
function offsetFor(root: unknown, path: readonly PathPart[], pointAtKey: boolean): number | undefined {
  let node: unknown = root;
  let offset = (root as YamlNode | null)?.range?.[0];
  for (const [i, part] of path.entries()) {
    const child = childNode(node, part);
    if (!child) break;
    const isLast = i === path.length - 1;
    const target = isLast && pointAtKey && child.keyNode ? child.keyNode : (child.value ?? child.keyNode);
    const range = (target as YamlNode | null)?.range;
    if (range) offset = range[0];
    node = child.value;
  }
  return offset;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") {
    return `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")} (check the spelling; Specwright's README and JSON Schema list the keys)`;
  }
  if (issue.code === "invalid_union") {
    return `${issue.message}: expected a path string or an object with the documented keys`;
  }
  return issue.message;
}

/**
 * Parses and validates `.github/specwright.yml`. Pure: takes the file's text, returns either
 * the config with defaults applied or every problem found, each with line, column and key.
 */
export function parseConfig(text: string, file = ".github/specwright.yml"): ParseConfigResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number | undefined) => {
    if (offset === undefined) return { line: undefined, column: undefined };
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        file,
        ...position(e.pos[0]),
        key: "",
        message: `YAML syntax: ${e.message.split("\n")[0] ?? e.message}`,
      })),
    };
  }

  const raw: unknown = doc.toJS() ?? {};
  if (typeof raw !== "object" || Array.isArray(raw)) {
    return {
      ok: false,
      problems: [
        { file, ...position(0), key: "", message: "the config must be a YAML mapping (key: value pairs)" },
      ],
    };
  }
  const result = configSchema.safeParse(raw);
  if (result.success) return { ok: true, config: result.data };

  const problems = result.error.issues.map((issue) => {
    const path = issue.path.filter((p): p is PathPart => typeof p === "string" || typeof p === "number");
    const keys = issue.code === "unrecognized_keys" ? issue.keys : [];
    const pointPath = keys.length > 0 ? [...path, keys[0] as string] : path;
    return {
      file,
      ...position(offsetFor(doc.contents, pointPath, keys.length > 0)),
      key: formatKeyPath(keys.length === 1 ? pointPath : path),
      message: describeIssue(issue),
    };
  });
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { ok: false, problems };
}

/** One line per problem: `file:line:col  key  message`. */
export function formatConfigProblems(problems: readonly ConfigProblem[]): string {
  return problems
    .map((p) => {
      const where = [p.file, p.line, p.column].filter((x) => x !== undefined).join(":");
      return `${where}  ${p.key || "(file)"}  ${p.message}`;
    })
    .join("\n");
}
