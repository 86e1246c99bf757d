import type { RepoSnapshot, SnapshotFile } from "../../ports/repo-snapshot.js";
import type { AgentTool } from "./agent-tool.js";
import { createListDirectoryTool } from "./list-directory-tool.js";
import { createReadFileTool } from "./read-file-tool.js";
import { createSearchTool } from "./search-tool.js";

/** The read-only repository tools of one agent, and the files it has read. */
export interface RepoTools {
  /** `read_file`, `list_directory`, `search`: pass to `runAgent` as `tools`. */
  tools: AgentTool[];
  /** Paths read with `read_file` so far, in first-read order. */
  filesRead(): string[];
}

/**
 * Creates the read-only tools over one snapshot for one agent. The file listing is loaded
 * once and shared by the tools; `filesRead()` reports every file `read_file` returned text of.
 */
export function createRepoTools(snapshot: RepoSnapshot): RepoTools {
  const read = new Set<string>();
  let listing: Promise<readonly SnapshotFile[]> | undefined;
  const listFiles = (): Promise<readonly SnapshotFile[]> => {
    listing ??= snapshot.listFiles().catch((error: unknown) => {
      listing = undefined;
      throw error;
    });
    return listing;
  };
  const cachedSnapshot: RepoSnapshot = {
    sha: snapshot.sha,
    label: snapshot.label,
    listFiles,
    readFile: (p) => snapshot.readFile(p),
  };
  return {
    tools: [
      createReadFileTool(cachedSnapshot, read),
      createListDirectoryTool(cachedSnapshot, listFiles),
      createSearchTool(cachedSnapshot, listFiles),
    ],
    filesRead: () => [...read],
  };
}
