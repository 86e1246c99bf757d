import type { ModelMessage, UserBlock } from "../ports/model.js";

/** Adds blocks as a user message, merged into the last message when that is already a user message. */
export function appendUserBlocks(messages: ModelMessage[], blocks: UserBlock[]): void {
  const last = messages[messages.length - 1];
  if (last?.role === "user") {
    const earlier: UserBlock[] =
      typeof last.content === "string" ? [{ type: "text", text: last.content }] : last.content;
    messages[messages.length - 1] = { role: "user", content: [...earlier, ...blocks] };
  } else {
    messages.push({ role: "user", content: blocks });
  }
}
