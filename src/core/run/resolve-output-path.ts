import { SpecwrightError } from "../errors.js";
import { normalizeRepoPath } from "../files/normalize-repo-path.js";

/** The placeholder of `implementationSpecs.output`. */
export const SLUG_PLACEHOLDER = "{slug}";

/**
 * The repository path of an implementation spec: `implementationSpecs.output` (e.g.
 * `specs/{slug}.md`) with every `{slug}` replaced by `slug` (from `slugify`), normalised
 * (`./specs//x.md` → `specs/x.md`).
 *
 * @throws SpecwrightError when the pattern has no `{slug}`, the slug is not a single path
 *   segment, or the result leaves the repository or does not end in `.md`
 */
export function resolveOutputPath(output: string, slug: string): string {
  const where = `implementationSpecs.output ("${output}")`;
  if (!output.includes(SLUG_PLACEHOLDER)) {
    throw new SpecwrightError(
      `${where} has no ${SLUG_PLACEHOLDER} placeholder.`,
      "Write it like specs/{slug}.md in .github/specwright.yml.",
    );
  }
  if (slug === "" || slug === "." || slug === ".." || /[/\\]/.test(slug) || slug.includes("\u0000")) {
    throw new SpecwrightError(
      `The slug "${slug}" is not a single file-name segment.`,
      "Build the slug with slugify(title).",
    );
  }
  let path: string;
  try {
    path = normalizeRepoPath(output.split(SLUG_PLACEHOLDER).join(slug));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SpecwrightError(
      `${where} does not give a path inside the repository: ${reason}`,
      "Use a path relative to the repository root, like specs/{slug}.md.",
    );
  }
  if (!path.endsWith(".md")) {
    throw new SpecwrightError(
      `${where} gives ${path}, which is not a .md file (the checker only reads .md specs).`,
      "End the pattern with .md, like specs/{slug}.md.",
    );
  }
  return path;
}
