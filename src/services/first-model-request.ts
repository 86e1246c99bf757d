import type { AgentRequest } from "../agents/agent-types.js";
import { createRepoTools } from "../agents/tools/create-repo-tools.js";
import { withConversationBreakpoint } from "../agents/with-conversation-breakpoint.js";
import type { ModelRequest, ToolDefinition, UserBlock } from "../ports/model.js";
import type { RepoSnapshot } from "../ports/repo-snapshot.js";

/**
 * The first request `runAgent` sends for `request` (what the dry runs print): the system blocks
 * as given, the read-only repository tools plus the submission tool with the tools' cache
 * breakpoint on it, and the first message with the conversation breakpoint on its last block.
 */
export function firstModelRequest(
  request: AgentRequest,
  snapshot: RepoSnapshot,
  submission: ToolDefinition,
): ModelRequest {
  const first: UserBlock[] =
    typeof request.firstMessage === "string"
      ? [{ type: "text", text: request.firstMessage }]
      : request.firstMessage;
  return {
    model: request.model,
    system: request.system,
    messages:
      request.cacheConversation !== false
        ? withConversationBreakpoint([{ role: "user", content: first }])
        : [{ role: "user", content: first }],
    tools: [
      ...createRepoTools(snapshot).tools.map((t) => t.definition),
      { ...submission, ...(request.cacheTools !== false ? { cache: true } : {}) },
    ],
    maxTokens: request.maxTokens,
    ...(request.toolChoice ? { toolChoice: request.toolChoice } : {}),
  };
}
