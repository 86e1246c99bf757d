import { handleIssueComment } from "./handle-issue-comment.js";
import { handleIssuesLabeled } from "./handle-issues-labeled.js";
import { handlePush } from "./handle-push.js";
import type { HandlerDeps, HandlerOutcome, WebhookDelivery } from "./handler-types.js";

/** The webhook events (`event` or `event.action`) that can start work. */
export const HANDLED_EVENTS = ["issue_comment.created", "issues.labeled", "push"] as const;

/** A verified delivery: `X-GitHub-Event`, `X-GitHub-Delivery` and the parsed body. */
export interface NamedWebhookDelivery extends WebhookDelivery {
  /** The event name (`X-GitHub-Event`), e.g. `issues`. */
  name: string;
}

type Handler = (delivery: WebhookDelivery, deps: HandlerDeps) => Promise<HandlerOutcome>;

const HANDLER_OF: Readonly<Record<(typeof HANDLED_EVENTS)[number], Handler>> = {
  "issue_comment.created": handleIssueComment,
  "issues.labeled": handleIssuesLabeled,
  push: handlePush,
};
/** A Map, so that a header like `constructor` never finds an inherited property. */
const HANDLERS: ReadonlyMap<string, Handler> = new Map(Object.entries(HANDLER_OF));

function actionOf(payload: unknown): string | undefined {
  if (typeof payload !== "object" || payload === null || !("action" in payload)) return undefined;
  return typeof payload.action === "string" ? payload.action : undefined;
}

/**
 * Routes a delivery to the handler of its event (which validates it and enqueues a job) and
 * ignores every other event. Both entry points use it: Specwright's webhook server, after
 * verifying the signature, and Probot's `app.on` (so `probot.receive` exercises the same path).
 */
export function handleWebhook(delivery: NamedWebhookDelivery, deps: HandlerDeps): Promise<HandlerOutcome> {
  const action = actionOf(delivery.payload);
  const event = action === undefined ? delivery.name : `${delivery.name}.${action}`;
  const handler = HANDLERS.get(event);
  if (handler === undefined)
    return Promise.resolve({ status: "ignored", reason: `${event} does not start work` });
  return handler({ id: delivery.id, payload: delivery.payload }, deps);
}
