import type { SourceText } from "../core/checks/types.js";
import type { FileIndex } from "../core/files/file-index.js";
import type { RepoSnapshot } from "../ports/repo-snapshot.js";
import { MAX_CHECK_FILE_BYTES } from "./read-spec-document.js";

/**
 * Reads a repository file cited with an anchor (`path:identifier`, `path:12-40`), so rules can
 * resolve the anchor. Binary and oversized files come back `unreadable` with the reason;
 * undefined when the file is gone.
 */
export async function readSourceText(
  snapshot: RepoSnapshot,
  files: FileIndex,
  path: string,
): Promise<SourceText | undefined> {
  const size = files.sizeOf(path) ?? 0;
  if (size > MAX_CHECK_FILE_BYTES)
    return { kind: "unreadable", reason: `larger than ${MAX_CHECK_FILE_BYTES} bytes` };
  const file = await snapshot.readFile(path);
  if (file.kind === "missing") return undefined;
  if (file.kind === "binary") return { kind: "unreadable", reason: "not UTF-8 text" };
  if (file.kind === "too-large") return { kind: "unreadable", reason: `larger than ${file.limit} bytes` };
  const parts = file.text.split("\n").length;
  const lineCount = file.text === "" ? 0 : file.text.endsWith("\n") ? parts - 1 : parts;
  return { kind: "text", text: file.text, lineCount };
}
