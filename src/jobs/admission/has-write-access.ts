import type { RepoPermission } from "../../ports/git-host.js";

/** Write, maintain and admin may trigger Specwright; read, triage and none may not. */
export function hasWriteAccess(permission: RepoPermission): boolean {
  return permission === "write" || permission === "maintain" || permission === "admin";
}
