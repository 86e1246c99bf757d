import { describe, expect, it } from "vitest";
import { handleWebhook } from "../../src/handlers/handle-webhook.js";
import type { HandlerDeps } from "../../src/handlers/handler-types.js";
import type { JobPayload } from "../../src/jobs/job-payload.js";
import type { EnqueueRequest } from "../../src/ports/job-queue.js";
import { webhookFixture } from "../helpers/probot-test-app.js";

function fakeQueue() {
  const requests: EnqueueRequest<JobPayload>[] = [];
  const deps: HandlerDeps = {
    queue: {
      enqueue(request) {
        requests.push(request);
        return Promise.resolve({ status: "queued", jobId: `job-${requests.length}` });
      },
    },
    log: { info: () => undefined },
  };
  return { deps, requests };
}

describe("handleWebhook", () => {
  it.each([
    { name: "issue_comment", fixture: "issue-comment-on-issue", kind: "command" },
    { name: "issues", fixture: "issues-labeled", kind: "issue-labeled" },
    { name: "push", fixture: "push-default-branch", kind: "push" },
  ])(
    "routes $name ($fixture) to its handler, which enqueues a $kind job",
    async ({ name, fixture, kind }) => {
      const { deps, requests } = fakeQueue();
      const outcome = await handleWebhook({ id: "d-1", name, payload: webhookFixture(fixture) }, deps);
      expect(outcome).toMatchObject({ status: "queued", jobId: "job-1" });
      expect(requests).toHaveLength(1);
      expect(requests[0]?.deliveryId).toBe("d-1");
      expect(requests[0]?.payload.kind).toBe(kind);
    },
  );

  it.each([
    { name: "issues", action: "opened", fixture: "issues-labeled", event: "issues.opened" },
    {
      name: "issue_comment",
      action: "edited",
      fixture: "issue-comment-on-issue",
      event: "issue_comment.edited",
    },
    { name: "pull_request", action: "opened", fixture: "issues-labeled", event: "pull_request.opened" },
    // A push body under another event name: the event header is not covered by the signature.
    { name: "issues", action: undefined, fixture: "push-default-branch", event: "issues" },
    { name: "constructor", action: undefined, fixture: "push-default-branch", event: "constructor" },
  ])("ignores $event without enqueueing", async ({ name, action, fixture, event }) => {
    const { deps, requests } = fakeQueue();
    const payload: Record<string, unknown> = webhookFixture(fixture);
    if (action !== undefined) payload.action = action;
    const outcome = await handleWebhook({ id: "d-2", name, payload }, deps);
    expect(outcome).toEqual({ status: "ignored", reason: `${event} does not start work` });
    expect(requests).toEqual([]);
  });

  it("ignores a body that is not an object", async () => {
    const { deps, requests } = fakeQueue();
    const outcome = await handleWebhook({ id: "d-3", name: "push", payload: [1, 2] }, deps);
    expect(outcome).toEqual({ status: "ignored", reason: "payload lacks the ref, commits or repository" });
    expect(requests).toEqual([]);
  });
});
