import type {
  ContentBlockParam,
  MessageCreateParamsBase,
  MessageParam,
  TextBlockParam,
  Tool,
  ToolChoice as AnthropicToolChoice,
} from "@anthropic-ai/sdk/resources/messages";
import type { AssistantBlock, ModelMessage, ModelRequest, ToolChoice, UserBlock } from "../../ports/model.js";

const EPHEMERAL = { type: "ephemeral" } as const;

function toUserBlock(block: UserBlock): ContentBlockParam {
  const cache = block.cache ? { cache_control: EPHEMERAL } : {};
  if (block.type === "text") return { type: "text", text: block.text, ...cache };
  return {
    type: "tool_result",
    tool_use_id: block.tool_use_id,
    content: block.content,
    is_error: block.is_error,
    ...cache,
  };
}

function toAssistantBlock(block: AssistantBlock): ContentBlockParam {
  switch (block.type) {
    case "text":
      return { type: "text", text: block.text };
    case "tool_use":
      return { type: "tool_use", id: block.id, name: block.name, input: block.input };
    case "opaque":
      // Thinking blocks and the like go back exactly as the API sent them (signatures included).
      return block.providerData as ContentBlockParam;
  }
}

function toMessageParam(message: ModelMessage): MessageParam {
  if (message.role === "assistant")
    return { role: "assistant", content: message.content.map(toAssistantBlock) };
  return {
    role: "user",
    content: typeof message.content === "string" ? message.content : message.content.map(toUserBlock),
  };
}

function toToolChoice(choice: ToolChoice): AnthropicToolChoice {
  if (choice === "auto" || choice === "any") return { type: choice };
  return { type: "tool", name: choice.name };
}

/**
 * Translates a provider-neutral `ModelRequest` into Messages API parameters (without `stream`,
 * which the SDK's `messages.stream()` sets). `cache: true` on a system block, tool or user
 * block becomes `cache_control: { type: "ephemeral" }` on that block.
 */
export function toAnthropicParams(request: ModelRequest): MessageCreateParamsBase {
  const system: TextBlockParam[] = request.system.map((block) => ({
    type: "text",
    text: block.text,
    ...(block.cache ? { cache_control: EPHEMERAL } : {}),
  }));
  const tools: Tool[] = request.tools.map((tool) => ({
    name: tool.name,
    description: tool.description,
    input_schema: tool.inputSchema as Tool["input_schema"],
    ...(tool.cache ? { cache_control: EPHEMERAL } : {}),
  }));
  return {
    model: request.model,
    max_tokens: request.maxTokens,
    ...(system.length > 0 ? { system } : {}),
    messages: request.messages.map(toMessageParam),
    ...(tools.length > 0 ? { tools } : {}),
    ...(request.toolChoice ? { tool_choice: toToolChoice(request.toolChoice) } : {}),
  };
}
