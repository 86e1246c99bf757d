import { SpecwrightError } from "../../core/errors.js";
import type { RepoSnapshot } from "../../ports/repo-snapshot.js";
import type { DiscoveryInput } from "../flows/run-implementation-spec.js";
import { cleanUserText } from "./clean-user-text.js";

/**
 * Reads a discovery document from the repository the run opened (the default branch's head, so
 * a later push's version wins), cleaned like any user text before it reaches the model.
 */
export function readDocumentDiscovery(path: string): (snapshot: RepoSnapshot) => Promise<DiscoveryInput> {
  return async (snapshot) => {
    const file = await snapshot.readFile(path);
    if (file.kind !== "text") {
      throw new SpecwrightError(
        `The discovery document ${path} is ${file.kind === "missing" ? "no longer on the default branch" : "not readable text"}`,
        "Push the document again as UTF-8 markdown to draft its spec.",
      );
    }
    return { source: path, text: cleanUserText(file.text), notes: [] };
  };
}
