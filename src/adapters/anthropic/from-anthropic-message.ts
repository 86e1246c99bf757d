import { z } from "zod";
import { ModelConnectionError, ModelRequestError } from "../../core/model-errors.js";
import type { AssistantBlock, ModelResponse } from "../../ports/model.js";

const blockSchema = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal("text"), text: z.string() }),
  z.looseObject({
    type: z.literal("tool_use"),
    id: z.string().min(1),
    name: z.string().min(1),
    input: z.unknown(),
  }),
]);

const messageSchema = z.looseObject({
  id: z.string().optional(),
  model: z.string().optional(),
  content: z.array(z.looseObject({ type: z.string() })),
  stop_reason: z.string().nullable(),
  usage: z.looseObject({
    input_tokens: z.number().int().nonnegative().nullish(),
    output_tokens: z.number().int().nonnegative().nullish(),
    cache_read_input_tokens: z.number().int().nonnegative().nullish(),
    cache_creation_input_tokens: z.number().int().nonnegative().nullish(),
  }),
});

/**
 * Reads the final message of a Messages API stream into a `ModelResponse`, checking the parts
 * Specwright relies on (content blocks, stop reason, usage). Text and tool_use blocks are
 * mapped; any other block (thinking, redacted_thinking…) is kept as an opaque block so it can be
 * echoed back unchanged. Throws `ModelRequestError` for a body it cannot read, and
 * `ModelConnectionError` for a stream that ended before the message was complete.
 */
export function fromAnthropicMessage(message: unknown): ModelResponse {
  const parsed = messageSchema.safeParse(message);
  if (!parsed.success) {
    throw new ModelRequestError(
      `Anthropic returned a message Specwright cannot read: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`,
      "Check that ANTHROPIC_BASE_URL points at an Anthropic-compatible Messages API.",
    );
  }
  const { content, stop_reason: stopReason, usage } = parsed.data;
  if (stopReason === null) {
    throw new ModelConnectionError(
      "The response stream from Anthropic ended before the message was complete.",
      "Rerun; if it keeps happening, check proxies between you and the API (ANTHROPIC_BASE_URL).",
    );
  }
  const original = (message as { content: unknown[] }).content;
  const blocks: AssistantBlock[] = content.map((raw, index) => {
    const block = blockSchema.safeParse(raw);
    if (!block.success) return { type: "opaque", providerData: original[index] };
    if (block.data.type === "text") return { type: "text", text: block.data.text };
    return { type: "tool_use", id: block.data.id, name: block.data.name, input: block.data.input ?? {} };
  });
  return {
    content: blocks,
    stopReason,
    usage: {
      inputTokens: usage.input_tokens ?? 0,
      outputTokens: usage.output_tokens ?? 0,
      cacheReadInputTokens: usage.cache_read_input_tokens ?? 0,
      cacheCreationInputTokens: usage.cache_creation_input_tokens ?? 0,
    },
    ...(parsed.data.model !== undefined ? { model: parsed.data.model } : {}),
    ...(parsed.data.id !== undefined ? { id: parsed.data.id } : {}),
  };
}
