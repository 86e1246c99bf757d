import type { RepoPermission } from "../../ports/git-host.js";
import { hasWriteAccess } from "../admission/has-write-access.js";
import type { JobContext } from "../job-services.js";

/** Most distinct commenters whose permission is looked up; comments by further people are left out. */
export const MAX_CHECKED_COMMENTERS = 30;

/** What the filter needs of a comment (issue conversation comments and PR line comments both fit). */
export interface AuthoredComment {
  authorLogin: string | undefined;
  /** `User`, `Bot`… when the API says. */
  authorType?: string | undefined;
  /** Written by this app. */
  isOwn: boolean;
  body: string;
}

const isBot = (c: AuthoredComment) =>
  c.isOwn || c.authorType === "Bot" || (c.authorLogin ?? "").toLowerCase().endsWith("[bot]");

/**
 * The comments that may reach the model: those by people with write access to the repository
 * (looked up once per person, for at most `MAX_CHECKED_COMMENTERS` people), in their order.
 * Bots' comments (Specwright's included) and empty ones are dropped silently; `leftOut` names
 * the people whose comments were dropped for lack of access (`a deleted account` for ghosts),
 * so the PR or progress comment can say so.
 */
export async function keepWriterComments<C extends AuthoredComment>(
  ctx: JobContext,
  comments: readonly C[],
): Promise<{ kept: C[]; leftOut: string[] }> {
  const permissions = new Map<string, Promise<RepoPermission>>();
  const permissionOf = (login: string): Promise<RepoPermission> => {
    const key = login.toLowerCase();
    let known = permissions.get(key);
    if (known === undefined) {
      known =
        permissions.size < MAX_CHECKED_COMMENTERS ? ctx.host.getPermission(login) : Promise.resolve("none");
      permissions.set(key, known);
    }
    return known;
  };
  const kept: C[] = [];
  const leftOut = new Set<string>();
  for (const comment of comments) {
    if (isBot(comment) || comment.body.trim() === "") continue;
    const login = comment.authorLogin;
    if (login === undefined || !hasWriteAccess(await permissionOf(login))) {
      leftOut.add(login ?? "a deleted account");
      continue;
    }
    kept.push(comment);
  }
  return { kept, leftOut: [...leftOut] };
}

/** The note saying whose comments were left out of `what` (e.g. `the discovery text`), if anyone's. */
export function leftOutNote(leftOut: readonly string[], what: string): string[] {
  if (leftOut.length === 0) return [];
  const names = leftOut.map((l) => (l.includes(" ") ? l : `@${l}`));
  const who = names.length === 1 ? "1 person" : `${names.length} people`;
  return [
    `Comments by ${who} without write access to the repository (${names.join(", ")}) were left out of ${what}.`,
  ];
}
