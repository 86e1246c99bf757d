import type { JobRepo } from "../jobs/job-payload.js";
import type { RepositoryPayload } from "./payload-schemas.js";

/** The job's repository reference from a webhook's `repository` and `installation`. */
export function toJobRepo(repository: RepositoryPayload, installation: { id: number }): JobRepo {
  return {
    installationId: installation.id,
    owner: repository.owner.login,
    repo: repository.name,
    defaultBranch: repository.default_branch,
    ...(repository.html_url ? { htmlUrl: repository.html_url } : {}),
  };
}
