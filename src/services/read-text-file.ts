import type { RepoSnapshot } from "../ports/repo-snapshot.js";

/** The text of a repository file, or `undefined` when it is missing, binary or too large. */
export async function readTextFile(snapshot: RepoSnapshot, path: string): Promise<string | undefined> {
  const file = await snapshot.readFile(path);
  return file.kind === "text" ? file.text : undefined;
}
