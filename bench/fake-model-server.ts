/**
 * A local stand-in for the Anthropic Messages API, for benchmarks (not a test double of record):
 * `POST /v1/messages` on 127.0.0.1 with a random port, answered in the streaming (SSE) format the
 * SDK reads, from a script per agent, after a configurable latency per agent.
 *
 * It simulates prompt caching the way the API documents it, so cache figures can be measured
 * from request bodies alone: the request is cut into blocks in cache order (tools, system,
 * messages); a block with `cache_control` is a breakpoint. Input tokens are estimated as
 * characters / 4. For each breakpoint the server looks back up to 20 blocks for a prefix it has
 * cached before; the longest hit is reported as `cache_read_input_tokens`, the rest up to the
 * last breakpoint as `cache_creation_input_tokens` (prefixes under `minCacheTokens` are never
 * cached), everything after it as uncached `input_tokens`. A request's prefixes become readable
 * once its answer starts, as with the real cache (concurrent requests both miss).
 *
 * Bounded: it refuses requests over `maxRequests` and closes itself after `idleMs` without one.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { SSE_HEADERS, toSseBody, toSseEvents, type ScriptedMessage } from "../test/helpers/anthropic-sse.js";

/** One request as the script sees it. */
export interface FakeRequest {
  /** The agent, from `You are the \`name\` agent` in the first user message (else `other`). */
  agent: string;
  /** 0-based index of this request among the agent's requests. */
  index: number;
  body: Record<string, unknown>;
}

/** What the server measured for one request. */
export interface FakeRequestStat {
  agent: string;
  index: number;
  inputTokens: number;
  cacheReadInputTokens: number;
  cacheCreationInputTokens: number;
  outputTokens: number;
  receivedMs: number;
  answeredMs: number;
}

export interface FakeModelServerOptions {
  /** The assistant message for a request (tool calls, a submission…). */
  respond(request: FakeRequest): ScriptedMessage;
  /** Milliseconds to wait before answering (default 0). */
  latencyMs?(request: FakeRequest): number;
  /** Output tokens to report (default: characters of the reply / 4). */
  outputTokens?(request: FakeRequest, message: ScriptedMessage): number;
  /** Most requests served (default 2,000); later ones get HTTP 429 and the server closes. */
  maxRequests?: number;
  /** Close after this long without a request (default 60 s). */
  idleMs?: number;
  /** Shortest cacheable prefix in tokens (default 1,024, as for Sonnet). */
  minCacheTokens?: number;
}

export interface FakeModelServer {
  /** Base URL for `ANTHROPIC_BASE_URL` / the SDK's `baseURL`. */
  url: string;
  stats: FakeRequestStat[];
  close(): Promise<void>;
}

const LOOKBACK = 20;
const tokensOf = (chars: number) => Math.ceil(chars / 4);

interface Block {
  text: string;
  breakpoint: boolean;
}

/** The request's blocks in cache order: tools, system, then each message's content blocks. */
function blocksOf(body: Record<string, unknown>): Block[] {
  const blocks: Block[] = [];
  const push = (value: unknown) => {
    const { cache_control: cache, ...rest } = (value ?? {}) as Record<string, unknown>;
    blocks.push({ text: JSON.stringify(rest), breakpoint: cache !== undefined });
  };
  for (const tool of (body.tools as unknown[] | undefined) ?? []) push(tool);
  const system = body.system;
  if (typeof system === "string") push({ type: "text", text: system });
  else for (const block of (system as unknown[] | undefined) ?? []) push(block);
  for (const message of (body.messages as { role: string; content: unknown }[] | undefined) ?? []) {
    const content =
      typeof message.content === "string" ? [{ type: "text", text: message.content }] : message.content;
    for (const block of (content as unknown[]) ?? []) push({ role: message.role, ...(block as object) });
  }
  return blocks;
}

function agentOf(body: Record<string, unknown>): string {
  const first = (body.messages as { content: unknown }[] | undefined)?.[0]?.content;
  const text = typeof first === "string" ? first : JSON.stringify(first ?? "");
  return /You are the `([^`]+)` agent/.exec(text)?.[1] ?? "other";
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Starts the server; resolves once it listens. */
export async function startFakeModelServer(options: FakeModelServerOptions): Promise<FakeModelServer> {
  const maxRequests = options.maxRequests ?? 2000;
  const minCache = options.minCacheTokens ?? 1024;
  const cache = new Map<string, number>();
  const stats: FakeRequestStat[] = [];
  const perAgent = new Map<string, number>();
  const started = performance.now();
  let served = 0;
  let idle: ReturnType<typeof setTimeout> | undefined;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ type: "error", error: { type: "api_error", message: String(error) } }));
    });
  });
  const close = () =>
    new Promise<void>((resolve) => {
      if (idle) clearTimeout(idle);
      server.closeAllConnections?.();
      server.close(() => resolve());
    });
  const touch = () => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => void close(), options.idleMs ?? 60_000);
    idle.unref();
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    touch();
    const receivedMs = performance.now() - started;
    const raw = await readBody(req);
    if (req.method !== "POST" || !req.url?.startsWith("/v1/messages")) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ type: "error", error: { type: "not_found_error", message: "not found" } }));
      return;
    }
    served += 1;
    if (served > maxRequests) {
      res.writeHead(429, { "content-type": "application/json", "retry-after": "60" });
      res.end(
        JSON.stringify({ type: "error", error: { type: "rate_limit_error", message: "fake server limit" } }),
      );
      void close();
      return;
    }
    const body = JSON.parse(raw) as Record<string, unknown>;
    const agent = agentOf(body);
    const index = perAgent.get(agent) ?? 0;
    perAgent.set(agent, index + 1);
    const request: FakeRequest = { agent, index, body };

    // Prompt-cache accounting over the blocks.
    const blocks = blocksOf(body);
    const hashes: string[] = [];
    const cumulative: number[] = [];
    let hash = "";
    let total = 0;
    for (const block of blocks) {
      hash = createHash("sha256").update(hash).update(block.text).digest("hex");
      total += tokensOf(block.text.length);
      hashes.push(hash);
      cumulative.push(total);
    }
    const breakpoints = blocks.flatMap((b, i) => (b.breakpoint ? [i] : []));
    let read = 0;
    for (const bp of breakpoints) {
      for (let j = bp; j >= Math.max(0, bp - LOOKBACK); j -= 1) {
        if (cache.has(hashes[j] ?? "")) {
          read = Math.max(read, cumulative[j] ?? 0);
          break;
        }
      }
    }
    const last = breakpoints.at(-1);
    const lastTokens = last === undefined ? 0 : (cumulative[last] ?? 0);
    const creation = lastTokens >= minCache && lastTokens > read ? lastTokens - read : 0;
    const uncached = total - read - creation;

    await new Promise((r) => setTimeout(r, Math.max(0, options.latencyMs?.(request) ?? 0)));
    for (const bp of breakpoints)
      if ((cumulative[bp] ?? 0) >= minCache) cache.set(hashes[bp] ?? "", cumulative[bp] ?? 0);

    const message = options.respond(request);
    const outputTokens =
      options.outputTokens?.(request, message) ?? tokensOf(JSON.stringify(message.content).length);
    const usage = {
      input_tokens: uncached,
      output_tokens: outputTokens,
      cache_read_input_tokens: read,
      cache_creation_input_tokens: creation,
    };
    res.writeHead(200, SSE_HEADERS);
    res.end(toSseBody(toSseEvents({ ...message, usage })));
    stats.push({
      agent,
      index,
      inputTokens: uncached,
      cacheReadInputTokens: read,
      cacheCreationInputTokens: creation,
      outputTokens,
      receivedMs,
      answeredMs: performance.now() - started,
    });
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  touch();
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, stats, close };
}
