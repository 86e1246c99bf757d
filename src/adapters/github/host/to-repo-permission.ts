import type { RepoPermission } from "../../../ports/git-host.js";

const ROLES: readonly RepoPermission[] = ["none", "read", "triage", "write", "maintain", "admin"];

/**
 * Reads a user's effective role from `GET …/collaborators/{username}/permission`. `role_name`
 * carries the fine-grained role (`maintain`, `triage`…); `permission` only the legacy base level
 * (`admin`, `write`, `read`, `none`), which is what a custom role's name falls back to. Anything
 * unknown counts as `none`, so a surprise never grants access.
 */
export function toRepoPermission(answer: {
  permission: string;
  role_name?: string | undefined;
}): RepoPermission {
  const role = answer.role_name?.toLowerCase();
  const byRole = ROLES.find((r) => r === role);
  if (byRole) return byRole;
  const base = answer.permission.toLowerCase();
  return ROLES.find((r) => r === base && (r === "admin" || r === "write" || r === "read")) ?? "none";
}
