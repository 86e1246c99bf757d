import { ModelAbortedError, ModelError } from "../core/model-errors.js";
import { estimateTokens } from "../core/plan/estimate-tokens.js";
import { addUsage, EMPTY_USAGE, totalInputTokens, type Usage } from "../core/pricing/usage.js";
import type { ModelMessage, ModelResponse, ToolDefinition, ToolUseBlock, UserBlock } from "../ports/model.js";
import type { AgentProgressEvent, AgentResult, AgentStatus, RunAgentOptions } from "./agent-types.js";
import { appendUserBlocks } from "./append-user-blocks.js";
import { checkAgentOptions } from "./check-agent-options.js";
import { checkTurnLimits } from "./check-turn-limits.js";
import { cutOffNote, limitNote, nudgeNote } from "./agent-notes.js";
import { reserveCall } from "./reserve-call.js";
import { runToolCalls, type SubmissionState } from "./run-tool-calls.js";
import type { SubmissionTool } from "./tools/submission-tool.js";
import { SUBMIT_SPEC } from "./tools/submit-spec-tool.js";
import { withConversationBreakpoint } from "./with-conversation-breakpoint.js";

/** Tokens a request may cost beyond its text: the API's tool-use preamble and message framing. */
export const REQUEST_TOKEN_MARGIN = 1024;

/** Characters (for estimates) and UTF-8 bytes (an upper bound on tokens) of some request content. */
function sizeOf(value: unknown): { chars: number; bytes: number } {
  const text = typeof value === "string" ? value : JSON.stringify(value ?? "");
  return { chars: text.length, bytes: Buffer.byteLength(text, "utf8") };
}

/**
 * Runs one agent: sends the conversation to the model, runs the tool calls of each turn (all
 * results in one user message, in call order) and repeats until the model hands in a spec
 * with `submit_spec` (or the given `submission` tool) that `validate` accepts. A rejected
 * submission goes back to the model with the blocking findings, at most `repairRounds` times. The run stops with a clear status when a
 * limit is reached (turns, input or output tokens of this agent, the job's shared budget),
 * when the model stops twice without submitting, or when the model call fails. Model
 * misbehaviour never throws; only programming errors do (bad options, a throwing validator).
 *
 * Near its limits (at most 2 turns left, or 85 % of its input tokens) the agent is told so in a
 * short note appended to the next user message. Each call reserves an upper bound of its cost
 * in the job's budget (exact tokens of the previous turn, UTF-8 bytes of what is new, a margin,
 * `max_tokens`), and tokens the API reports for failed calls are counted, so the job cannot
 * pass `budget.limit`.
 */
export async function runAgent<T = string>(options: RunAgentOptions<T>): Promise<AgentResult<T>> {
  // The conditional options type makes `submission` required whenever T is not string.
  const submission = options.submission ?? (SUBMIT_SPEC as unknown as SubmissionTool<T>);
  const submitName = submission.definition.name;
  const tools = checkAgentOptions(options, submitName);
  const { model, request, limits, budget, signal } = options;
  const now = options.now ?? Date.now;
  const started = now();
  const emit = (event: AgentProgressEvent): void => options.onProgress?.(event);
  const definitions: ToolDefinition[] = [
    ...options.tools.map((t) => t.definition),
    { ...submission.definition, ...(request.cacheTools !== false ? { cache: true } : {}) },
  ];
  const first: UserBlock[] =
    typeof request.firstMessage === "string"
      ? [{ type: "text", text: request.firstMessage }]
      : request.firstMessage;
  const messages: ModelMessage[] = [{ role: "user", content: first }];
  const state: SubmissionState<T> = { submissions: 0, submitted: undefined, findings: [] };
  let usage: Usage = { ...EMPTY_USAGE };
  let turns = 0;
  let nudged = false;
  let lastInput = 0;
  const pending = { chars: 0, bytes: 0 };
  const addPending = (value: unknown) => {
    const size = sizeOf(value);
    pending.chars += size.chars;
    pending.bytes += size.bytes;
  };
  addPending(request.system.map((b) => b.text).join(""));
  addPending(definitions);
  addPending(first);

  const finish = (status: AgentStatus, error?: { message: string; hint?: string }): AgentResult<T> => {
    const durationMs = now() - started;
    emit({ type: "finished", status, turns, usage, durationMs });
    return {
      status,
      ...(state.submitted !== undefined ? { submitted: state.submitted } : {}),
      ...(typeof state.submitted === "string" ? { markdown: state.submitted } : {}),
      findings: state.findings,
      submissions: state.submissions,
      turns,
      usage,
      filesRead: [...(options.filesRead?.() ?? [])],
      durationMs,
      ...(error ? { error } : {}),
    };
  };
  const aborted = () => finish("aborted", { message: "The agent run was cancelled." });

  for (;;) {
    if (signal?.aborted) return aborted();
    const estimatedInput = lastInput + estimateTokens(pending.chars);
    const check = checkTurnLimits({ turns, usage, estimatedInput, limits, maxTokens: request.maxTokens });
    if ("stop" in check) return finish(check.stop.status, check.stop.error);
    const { maxTokens } = check;
    const reservation = reserveCall(budget, lastInput + pending.bytes + REQUEST_TOKEN_MARGIN + maxTokens);
    if (!reservation) {
      return finish("budget-exhausted", {
        message: `The job's token budget has no room for another turn (${budget.used} used, ${budget.reserved} in flight, limit ${budget.limit}).`,
        hint: "Raise budgets.maxTokensPerJob, or run fewer agents.",
      });
    }
    turns += 1;
    const turn = turns;
    const note = limitNote({
      turn,
      maxTurns: limits.maxTurns,
      inputAfterTurn: totalInputTokens(usage) + estimatedInput,
      maxInputTokens: limits.maxInputTokens,
      tool: submitName,
    });
    // Only after a user message: a paused turn must be continued with the assistant message last.
    if (note && messages[messages.length - 1]?.role === "user") {
      appendUserBlocks(messages, [{ type: "text", text: note }]);
    }
    emit({ type: "turn-started", turn });
    let response: ModelResponse;
    try {
      response = await model.send(
        {
          model: request.model,
          system: request.system,
          messages: request.cacheConversation !== false ? withConversationBreakpoint(messages) : messages,
          tools: definitions,
          maxTokens,
          ...(request.toolChoice ? { toolChoice: request.toolChoice } : {}),
        },
        {
          ...(signal ? { signal } : {}),
          ...(options.onProgress ? { onText: (delta: string) => emit({ type: "text", turn, delta }) } : {}),
          mayRetry: reservation.mayRetry,
        },
      );
    } catch (error) {
      // Tokens the API reported for the failed call were spent all the same.
      const spent = error instanceof ModelError ? error.usage : undefined;
      reservation.settle(spent);
      if (spent) usage = addUsage(usage, spent);
      if (error instanceof ModelAbortedError || signal?.aborted) return aborted();
      if (error instanceof ModelError)
        return finish("model-error", { message: error.message, ...(error.hint ? { hint: error.hint } : {}) });
      throw error;
    }
    reservation.settle(response.usage);
    usage = addUsage(usage, response.usage);
    lastInput = totalInputTokens(response.usage) + response.usage.outputTokens;
    pending.chars = 0;
    pending.bytes = 0;
    emit({ type: "turn-finished", turn, stopReason: response.stopReason, turnUsage: response.usage, usage });
    if (response.content.length > 0) messages.push({ role: "assistant", content: response.content });

    const uses = response.content.filter((b): b is ToolUseBlock => b.type === "tool_use");
    if (uses.length > 0) {
      const lastBlock = response.content[response.content.length - 1];
      const truncatedId =
        response.stopReason === "max_tokens" && lastBlock?.type === "tool_use" ? lastBlock.id : undefined;
      const outcome = await runToolCalls(uses, {
        tools,
        submission,
        state,
        validate: options.validate,
        repairRounds: options.repairRounds,
        turn,
        truncatedId,
        maxTokens,
        signal,
        emit,
      });
      if (outcome.kind === "accepted") return finish("succeeded");
      if (outcome.kind === "rejected") {
        const errors = state.findings.filter((f) => f.severity === "error").length;
        return finish("failed-validation", {
          message: `The submission still fails ${errors} check${errors === 1 ? "" : "s"} after ${options.repairRounds} repair round${options.repairRounds === 1 ? "" : "s"}.`,
          hint: "Do not publish it: see the findings, then rerun the agent or raise budgets.repairRounds.",
        });
      }
      appendUserBlocks(messages, outcome.results);
      addPending(outcome.results);
      continue;
    }
    if (response.stopReason === "pause_turn") continue;
    if (response.stopReason === "max_tokens") {
      const text = cutOffNote(maxTokens, submitName);
      appendUserBlocks(messages, [{ type: "text", text }]);
      addPending(text);
      continue;
    }
    if (response.stopReason === "refusal") {
      return finish("model-error", {
        message: "The model refused to continue (stop reason: refusal).",
        hint: "Check the prompt and the repository content the agent read; rerun or adjust the agent's scope.",
      });
    }
    if (response.stopReason === "model_context_window_exceeded") {
      return finish("input-limit", {
        message: "The conversation outgrew the model's context window.",
        hint: "Narrow the agent's scope, or use a model with a larger context window.",
      });
    }
    if (nudged) {
      return finish("no-submission", {
        message: `The model ended its turn without calling ${submitName}, even after a reminder.`,
        hint: `Rerun the agent; if it keeps happening, check that the prompt asks for ${submitName}.`,
      });
    }
    nudged = true;
    const text = nudgeNote(submitName);
    appendUserBlocks(messages, [{ type: "text", text }]);
    addPending(text);
  }
}
