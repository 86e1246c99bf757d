/** Normalises a POSIX path: resolves `.` and `..`; undefined when it climbs above the root. */
export function normalisePosixPath(path: string): string | undefined {
  const out: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(segment);
  }
  return out.join("/") + (path.endsWith("/") && out.length > 0 ? "/" : "");
}

/**
 * Turns a markdown link target in `fromFile` into a repository path (keeping a `#L12` fragment and a
 * trailing slash). Targets starting with `/` are repository-root relative, others relative to the
 * document's folder. Returns undefined for URLs, in-page anchors, mail links and paths leaving the repo.
 */
export function resolveLinkPath(fromFile: string, url: string): string | undefined {
  const trimmed = url.trim();
  if (
    trimmed === "" ||
    trimmed.startsWith("#") ||
    /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ||
    trimmed.startsWith("//")
  ) {
    return undefined;
  }
  let target = trimmed.replace(/\?.*$/, "");
  const hashAt = target.indexOf("#");
  const fragment = hashAt === -1 ? "" : target.slice(hashAt);
  if (hashAt !== -1) target = target.slice(0, hashAt);
  try {
    target = decodeURIComponent(target);
  } catch {
    return undefined;
  }
  if (target === "") return undefined;
  const dir = fromFile.includes("/") ? fromFile.slice(0, fromFile.lastIndexOf("/")) : "";
  const joined = target.startsWith("/") ? target : `${dir}/${target}`;
  const normalised = normalisePosixPath(joined);
  if (normalised === undefined || normalised === "") return undefined;
  return /^#L\d+(-L?\d+)?$/.test(fragment) ? normalised + fragment : normalised;
}
