import type { ModelMessage } from "../ports/model.js";

/**
 * A copy of `messages` with a prompt-cache breakpoint on the last block of the last user
 * message (and on no other message block), so each turn writes the conversation so far to the
 * cache and the next turn reads it back. The input array and its messages are not changed.
 */
export function withConversationBreakpoint(messages: readonly ModelMessage[]): ModelMessage[] {
  const copy = [...messages];
  for (let i = copy.length - 1; i >= 0; i -= 1) {
    const message = copy[i];
    if (message?.role !== "user") continue;
    const blocks =
      typeof message.content === "string"
        ? [{ type: "text" as const, text: message.content }]
        : message.content;
    const last = blocks[blocks.length - 1];
    if (!last) return copy;
    copy[i] = { role: "user", content: [...blocks.slice(0, -1), { ...last, cache: true }] };
    return copy;
  }
  return copy;
}
