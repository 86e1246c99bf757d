import nock from "nock";
import {
  ANTHROPIC_API,
  errorBody,
  SSE_HEADERS,
  toSseBody,
  toSseEvents,
  type ScriptedMessage,
} from "./anthropic-sse.js";

/** The parts of a Messages API request body the engine tests look at. */
export interface MessagesBody {
  model: string;
  max_tokens: number;
  system?: { type: string; text: string; cache_control?: unknown }[];
  messages: {
    role: string;
    content: string | { type: string; text?: string; content?: string; cache_control?: unknown }[];
  }[];
  tools?: { name: string; cache_control?: unknown }[];
}

/** One request the mock answered. */
export interface AgentCall {
  agent: string;
  /** 0-based index of the request among this agent's requests. */
  index: number;
  body: MessagesBody;
  headers: Record<string, string | string[] | undefined>;
}

/** An error answer (e.g. 529 overloaded) instead of a message. */
export interface ScriptedError {
  status: number;
  type: string;
  message: string;
}

export type ScriptedReply = ScriptedMessage | ScriptedError;

/** The review agent's name in requests (it hands in findings with `report_findings`). */
export const REVIEW = "consistency-review";
/** The implementation-spec builder's name in requests (no system-spec assignment). */
export const IMPLEMENTATION = "implementation-spec";

const firstText = (body: MessagesBody): string => {
  const first = body.messages[0]?.content;
  if (typeof first === "string") return first;
  return first?.map((b) => b.text ?? "").join("") ?? "";
};

/**
 * Which agent sent a request: `You are the \`name\` agent` in a system-spec assignment, the
 * review by its `report_findings` tool, else the implementation-spec builder.
 */
export function agentOf(body: MessagesBody): string {
  if (body.tools?.some((t) => t.name === "report_findings")) return REVIEW;
  return /You are the `([^`]+)` agent/.exec(firstText(body))?.[1] ?? IMPLEMENTATION;
}

/**
 * Mocks `/v1/messages` for several agents running concurrently: each request is routed by its
 * agent (see `agentOf`) to that agent's next scripted reply, in order. Optional per-agent delay
 * (ms) before answering, and a hook called as each request arrives. `remaining()` tells which replies were never asked for; assert
 * `scope.isDone()` too.
 */
export function mockAgents(
  scripts: Readonly<Record<string, readonly ScriptedReply[]>>,
  options: {
    baseUrl?: string;
    delayMs?: Readonly<Record<string, number>>;
    /** Called as each request arrives (e.g. to look at the working tree at that moment). */
    onCall?: (call: AgentCall) => void;
  } = {},
): {
  scope: nock.Scope;
  calls: AgentCall[];
  remaining(): Record<string, number>;
  of(agent: string): AgentCall[];
} {
  const calls: AgentCall[] = [];
  const served = new Map<string, number>();
  const total = Object.values(scripts).reduce((sum, s) => sum + s.length, 0);
  const scope = nock(options.baseUrl ?? ANTHROPIC_API);
  if (total > 0) {
    scope
      .post("/v1/messages")
      .times(total)
      .reply(function (_uri, raw, callback) {
        const body = raw as MessagesBody;
        const agent = agentOf(body);
        const index = served.get(agent) ?? 0;
        served.set(agent, index + 1);
        const call: AgentCall = { agent, index, body, headers: { ...this.req.headers } };
        calls.push(call);
        options.onCall?.(call);
        const reply = scripts[agent]?.[index];
        const answer = (): nock.ReplyFnResult => {
          if (!reply) return [500, errorBody("api_error", `no scripted reply ${index} for agent ${agent}`)];
          if ("status" in reply) return [reply.status, errorBody(reply.type, reply.message)];
          return [200, toSseBody(toSseEvents(reply)), SSE_HEADERS];
        };
        const delay = options.delayMs?.[agent] ?? 0;
        setTimeout(() => callback(null, answer()), delay);
      });
  }
  return {
    scope,
    calls,
    remaining: () =>
      Object.fromEntries(
        Object.entries(scripts)
          .map(([agent, s]) => [agent, s.length - (served.get(agent) ?? 0)] as const)
          .filter(([, n]) => n !== 0),
      ),
    of: (agent) => calls.filter((c) => c.agent === agent),
  };
}

/** A `read_file` call. */
export const readFile = (path: string): ScriptedMessage => ({
  content: [{ type: "tool_use", name: "read_file", input: { path } }],
});

/** A `submit_spec` call with the given spec. */
export const submitSpec = (markdown: string, usage?: ScriptedMessage["usage"]): ScriptedMessage => ({
  content: [{ type: "tool_use", name: "submit_spec", input: { markdown } }],
  ...(usage ? { usage } : {}),
});

/** The review agent's `report_findings` call. */
export const reportFindings = (findings: unknown[] = []): ScriptedMessage => ({
  content: [{ type: "tool_use", name: "report_findings", input: { findings } }],
});
