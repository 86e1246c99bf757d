import { createHash } from "node:crypto";
import { toAnthropicParams } from "../adapters/anthropic/to-anthropic-params.js";
import { formatTokens } from "../core/render/format-units.js";
import type { ModelRequest } from "../ports/model.js";

/** One request to show, with a heading (e.g. `[phase 2] checkout → docs/specs/checkout.md`). */
export interface PreviewItem {
  heading: string;
  request: ModelRequest;
  /** Extra lines under the heading (e.g. which earlier specs are placeholders). */
  notes?: string[];
}

const hash = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 12);
const BREAKPOINT = " [cache_control: ephemeral]";

/**
 * Renders Messages API requests as `generate --dry-run` prints them: per request the model and
 * max_tokens, every system block (text in full, cache breakpoints marked), the tool definitions
 * as JSON (with the tools' cache breakpoint marked), and the first user message. The parameters
 * are the adapter's own translation (`toAnthropicParams`), and nothing is redacted, so what is
 * shown is byte for byte what would be sent; only the exact values in `secrets` (the API key,
 * which is sent as a header and never in the body) are masked should they appear. A block or
 * tool list already shown for an earlier request is not repeated: it is named with its hash
 * and where it appeared.
 */
export function renderRequestPreview(items: readonly PreviewItem[], secrets: readonly string[] = []): string {
  const seen = new Map<string, string>();
  const out: string[] = [];
  const show = (label: string, where: string, text: string, cached: boolean) => {
    const key = hash(text);
    const first = seen.get(key);
    const flag = cached ? BREAKPOINT : "";
    if (first !== undefined) {
      out.push(
        `--- ${label}${flag}: same ${formatTokens(text.length)} characters as ${first} (sha256 ${key}) ---`,
      );
      return;
    }
    seen.set(key, `${label} of ${where}`);
    out.push(`--- ${label}${flag} (${formatTokens(text.length)} characters, sha256 ${key}) ---`, text);
  };

  for (const item of items) {
    const params = toAnthropicParams(item.request);
    out.push(`=== ${item.heading} ===`, `model: ${params.model}, max_tokens: ${params.max_tokens}`);
    for (const note of item.notes ?? []) out.push(note);
    const system = Array.isArray(params.system) ? params.system : [];
    system.forEach((block, i) =>
      show(
        `system block ${i + 1}/${system.length}`,
        item.heading,
        block.text,
        block.cache_control !== undefined,
      ),
    );
    const tools = params.tools ?? [];
    const names = tools.map((t) => ("name" in t ? t.name : "?")).join(", ");
    const toolsCached = tools.some(
      (t) => "cache_control" in t && t.cache_control !== undefined && t.cache_control !== null,
    );
    show(`tools (${names})`, item.heading, JSON.stringify(tools, null, 2), toolsCached);
    for (const message of params.messages) {
      const blocks =
        typeof message.content === "string" ? [{ type: "text", text: message.content }] : message.content;
      for (const block of blocks) {
        if (block.type !== "text") continue;
        const cached =
          "cache_control" in block && block.cache_control !== undefined && block.cache_control !== null;
        out.push(`--- first ${message.role} message${cached ? BREAKPOINT : ""} ---`, block.text);
      }
    }
    out.push("");
  }
  let text = out.join("\n");
  for (const secret of secrets) if (secret.length >= 8) text = text.split(secret).join("[API key]");
  return text;
}
