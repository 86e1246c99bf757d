import type {
  CheckAnnotation,
  CheckRunInfo,
  CheckRunOutput,
  CreateCheckRunRequest,
  UpdateCheckRunRequest,
} from "../../../ports/git-host.js";
import { fitHostText, TEXT_LIMITS } from "./fit-host-text.js";
import type { HostContext, HostOperation } from "./host-context.js";
import { checkRunSchema } from "./host-schemas.js";
import { requestHost } from "./request-host.js";

/** GitHub accepts at most 50 annotations per create/update request. */
export const ANNOTATIONS_PER_REQUEST = 50;

/** A check run to create, or an existing one to update. */
export type CheckRunWrite =
  | { kind: "create"; request: CreateCheckRunRequest }
  | { kind: "update"; checkRunId: number; request: UpdateCheckRunRequest };

function toAnnotation(a: CheckAnnotation, env: HostContext["secretEnv"]) {
  const start = Math.max(1, Math.floor(a.startLine));
  return {
    path: a.path,
    start_line: start,
    end_line: Math.max(start, Math.floor(a.endLine ?? start)),
    annotation_level: a.level,
    message: fitHostText(a.message.trim() === "" ? "(no message)" : a.message, TEXT_LIMITS.annotation, env),
    title: a.title === undefined ? undefined : fitHostText(a.title, TEXT_LIMITS.annotationTitle, env),
    raw_details:
      a.rawDetails === undefined ? undefined : fitHostText(a.rawDetails, TEXT_LIMITS.annotation, env),
  };
}

function toOutput(
  output: CheckRunOutput,
  annotations: readonly CheckAnnotation[],
  env: HostContext["secretEnv"],
) {
  return {
    title: fitHostText(output.title, TEXT_LIMITS.title, env),
    summary: fitHostText(output.summary, TEXT_LIMITS.body, env),
    text: output.text === undefined ? undefined : fitHostText(output.text, TEXT_LIMITS.body, env),
    annotations: annotations.length > 0 ? annotations.map((a) => toAnnotation(a, env)) : undefined,
  };
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/**
 * Creates or updates a check run. The first request carries the status, conclusion and the
 * first 50 annotations; each further 50 go in a follow-up `PATCH …/check-runs/{id}` that repeats
 * the title, summary and text (GitHub requires them with every output and appends annotations).
 */
export async function writeCheckRun(ctx: HostContext, write: CheckRunWrite): Promise<CheckRunInfo> {
  const output = write.request.output;
  const [first = [], ...rest] = chunk(output?.annotations ?? [], ANNOTATIONS_PER_REQUEST);
  const name = write.kind === "create" ? write.request.name : `check run ${write.checkRunId}`;
  const op: HostOperation = {
    what: `${write.kind} the check run "${name}"`,
    permission: "Checks: write",
    notFoundHint: "The commit or check run does not exist (any more); run again on the current head.",
  };

  const common = {
    status: write.request.status,
    conclusion: write.request.conclusion,
    details_url: write.request.detailsUrl,
    output: output === undefined ? undefined : toOutput(output, first, ctx.secretEnv),
  };
  const created =
    write.kind === "create"
      ? await requestHost(
          ctx,
          op,
          "POST /repos/{owner}/{repo}/check-runs",
          {
            name: fitHostText(write.request.name, TEXT_LIMITS.title, ctx.secretEnv),
            head_sha: write.request.headSha,
            external_id: write.request.externalId,
            ...common,
          },
          checkRunSchema,
        )
      : await requestHost(
          ctx,
          op,
          "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}",
          { check_run_id: write.checkRunId, ...common },
          checkRunSchema,
        );

  const id = created.data.id;
  for (const annotations of rest) {
    if (output === undefined) break;
    await requestHost(
      ctx,
      { ...op, what: `add annotations to the check run "${name}"` },
      "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}",
      { check_run_id: id, output: toOutput(output, annotations, ctx.secretEnv) },
      checkRunSchema,
    );
  }
  return { id, url: created.data.html_url ?? "" };
}
