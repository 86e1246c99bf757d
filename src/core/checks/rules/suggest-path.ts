import type { FileIndex } from "../../files/file-index.js";

/** A lazily built index from file name to the files with that name, for "did you mean" hints. */
export interface PathSuggester {
  /** Existing files that end with `/<path>`, or else share the path's file name (at most 3). */
  suggest(path: string): string[];
  /** True when some file anywhere has this file name. */
  hasBasename(name: string): boolean;
}

const suggesters = new WeakMap<FileIndex, PathSuggester>();

/**
 * A `PathSuggester` over the snapshot's files (the index is built on first use only, and shared by
 * every rule that asks for the same file index).
 */
export function createPathSuggester(files: FileIndex): PathSuggester {
  let suggester = suggesters.get(files);
  if (!suggester) suggesters.set(files, (suggester = buildSuggester(files)));
  return suggester;
}

function buildSuggester(files: FileIndex): PathSuggester {
  let byName: Map<string, string[]> | undefined;
  const index = () => {
    if (!byName) {
      byName = new Map();
      for (const f of files.files) {
        const name = f.slice(f.lastIndexOf("/") + 1);
        const list = byName.get(name);
        if (list) list.push(f);
        else byName.set(name, [f]);
      }
    }
    return byName;
  };
  return {
    suggest(path) {
      const name = path.slice(path.lastIndexOf("/") + 1);
      const same = index().get(name) ?? [];
      const suffix = same.filter((f) => f.endsWith(`/${path}`));
      return (suffix.length > 0 ? suffix : same).slice(0, 3);
    },
    hasBasename: (name) => index().has(name),
  };
}
