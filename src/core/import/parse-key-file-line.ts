import type { PathWithNote } from "./import-types.js";
import { splitTrailingParenthetical } from "./split-trailing-parenthetical.js";

/** The result of reading one path line: the path and note, or why it is not one. */
export type ParsedPathLine = { ok: true; value: PathWithNote } | { ok: false; reason: string };

const SEPARATOR_RE = /^(?:[—–]\s*|-{1,2}\s+|:\s+)/;

function normalisePath(raw: string): string {
  return raw
    .replace(/\\/g, "/")
    .replace(/^(?:\.\/)+/, "")
    .replace(/[,;:]+$/, "");
}

/**
 * Reads a key-file or read-first line (list marker already removed): `path`, `` `path` ``,
 * `path (note)`, `path — note`, `path - note` or `dir/ (all files — note)`.
 */
export function parseKeyFileLine(text: string): ParsedPathLine {
  const t = text.trim();
  let rawPath: string;
  let rest: string;
  if (t.startsWith("`")) {
    const end = t.indexOf("`", 1);
    if (end < 0) return { ok: false, reason: "unclosed ` around the path" };
    rawPath = t.slice(1, end).trim();
    rest = t.slice(end + 1).trim();
  } else {
    const m = /^(\S+)\s*(.*)$/.exec(t);
    rawPath = m?.[1] ?? "";
    rest = (m?.[2] ?? "").trim();
  }
  const path = normalisePath(rawPath);
  if (path === "") return { ok: false, reason: "no path" };
  const pathLike = path.includes("/") || /\.[A-Za-z0-9]+$/.test(path);

  let note: string | undefined;
  const paren = splitTrailingParenthetical(rest);
  if (rest === "") note = undefined;
  else if (SEPARATOR_RE.test(rest)) note = rest.replace(SEPARATOR_RE, "");
  else if (paren && paren.head === "") note = paren.inner;
  else if (pathLike) note = rest;
  else return { ok: false, reason: "does not start with a file path" };

  if (path.startsWith("/") || /^[A-Za-z]:\//.test(path)) {
    return { ok: false, reason: `"${path}" is absolute; paths must be relative to the repository root` };
  }
  if (path.split("/").includes("..")) return { ok: false, reason: `"${path}" leaves the repository (..)` };
  const trimmedNote = note?.trim();
  return { ok: true, value: trimmedNote ? { path, note: trimmedNote } : { path } };
}
