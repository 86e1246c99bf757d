import type { FindingDraft } from "../core/checks/types.js";
import type { ToolResultBlock, ToolUseBlock } from "../ports/model.js";
import type { AgentProgressEvent, RunAgentBaseOptions } from "./agent-types.js";
import { formatFindingsForModel } from "./format-findings-for-model.js";
import type { AgentTool } from "./tools/agent-tool.js";
import type { SubmissionTool } from "./tools/submission-tool.js";

/** What the agent has submitted so far; updated in place by `runToolCalls`. */
export interface SubmissionState<T> {
  submissions: number;
  submitted: T | undefined;
  findings: FindingDraft[];
}

/** What the turn's tool calls came to. */
export type ToolCallsOutcome =
  | { kind: "continue"; results: ToolResultBlock[] }
  /** The submission passed the checks. */
  | { kind: "accepted" }
  /** The submission failed the checks with no repair round left. */
  | { kind: "rejected" };

/** Inputs of `runToolCalls`. */
export interface ToolCallsContext<T> {
  tools: ReadonlyMap<string, AgentTool>;
  submission: SubmissionTool<T>;
  state: SubmissionState<T>;
  validate: RunAgentBaseOptions<T>["validate"];
  repairRounds: number;
  turn: number;
  /** The id of a tool_use cut off by `max_tokens`: answered with an error, not run. */
  truncatedId: string | undefined;
  maxTokens: number;
  signal: AbortSignal | undefined;
  emit: (event: AgentProgressEvent) => void;
}

function result(use: ToolUseBlock, content: string, isError: boolean): ToolResultBlock {
  return {
    type: "tool_result",
    tool_use_id: use.id,
    content: content === "" ? "(no output)" : content,
    is_error: isError,
  };
}

async function submit<T>(
  use: ToolUseBlock,
  ctx: ToolCallsContext<T>,
): Promise<ToolResultBlock | ToolCallsOutcome> {
  const parsed = ctx.submission.parse(use.input);
  if (!parsed.ok) return result(use, parsed.error, true);
  const { state } = ctx;
  state.submissions += 1;
  state.submitted = parsed.value;
  state.findings = [...(await ctx.validate(parsed.value))];
  const errors = state.findings.filter((f) => f.severity === "error").length;
  const accepted = errors === 0;
  ctx.emit({ type: "submitted", turn: ctx.turn, submission: state.submissions, errors, accepted });
  if (accepted) return { kind: "accepted" };
  const round = state.submissions;
  if (round > ctx.repairRounds) return { kind: "rejected" };
  return result(use, formatFindingsForModel(state.findings, round, ctx.repairRounds, use.name), true);
}

/**
 * Runs the tool calls of one assistant turn in order and collects one result per call (the
 * API requires an answer to every tool_use). The submission tool's value is checked with
 * `validate`: accepted → stop; failing with repair rounds left → the findings go back as an
 * error result; failing with none left → stop. A call cut off by `max_tokens`, an unknown
 * tool or invalid input gets an error result explaining what to do.
 */
export async function runToolCalls<T>(
  uses: readonly ToolUseBlock[],
  ctx: ToolCallsContext<T>,
): Promise<ToolCallsOutcome> {
  const results: ToolResultBlock[] = [];
  const submitName = ctx.submission.definition.name;
  for (const use of uses) {
    let block: ToolResultBlock;
    if (use.id === ctx.truncatedId) {
      block = result(
        use,
        `This ${use.name} call was cut off at the output limit of ${ctx.maxTokens} tokens before it was complete, so it was not run. ` +
          `Call it again; keep the call shorter${use.name === submitName ? " (write it more concisely)" : ""}.`,
        true,
      );
    } else if (use.name === submitName) {
      const outcome = await submit(use, ctx);
      if (!("type" in outcome)) return outcome;
      block = outcome;
    } else {
      const tool = ctx.tools.get(use.name);
      if (!tool) {
        const names = [...ctx.tools.keys(), submitName].join(", ");
        block = result(use, `Unknown tool "${use.name}". Available tools: ${names}.`, true);
      } else {
        const outcome = await tool.run(use.input, ctx.signal ? { signal: ctx.signal } : {});
        block = result(use, outcome.content, outcome.isError);
      }
    }
    ctx.emit({ type: "tool-called", turn: ctx.turn, name: use.name, isError: block.is_error });
    results.push(block);
  }
  return { kind: "continue", results };
}
