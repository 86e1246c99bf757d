// The short notes the agent loop adds to the conversation.

/** From this many turns left (this one included), the agent is told to hand in its work. */
export const LOW_TURNS_LEFT = 2;
/** From this share of the input-token limit (after the coming turn), the agent is told too. */
export const INPUT_WARNING_SHARE = 0.85;

/** Where an agent stands against its limits before a turn. */
export interface LimitStanding {
  /** The turn about to be sent (1-based). */
  turn: number;
  maxTurns: number;
  /** Input tokens used so far plus the estimate of the coming turn. */
  inputAfterTurn: number;
  maxInputTokens: number;
  /** The tool that hands in the work, e.g. `submit_spec`. */
  tool: string;
}

/**
 * A short user note for an agent that is about to run out: `2 turns left: call submit_spec
 * now.` when at most `LOW_TURNS_LEFT` turns remain (this one included), and/or the share of
 * the input-token limit when the coming turn brings it to `INPUT_WARNING_SHARE` or more.
 * `undefined` when neither applies.
 */
export function limitNote(standing: LimitStanding): string | undefined {
  const left = standing.maxTurns - standing.turn + 1;
  const share = standing.inputAfterTurn / standing.maxInputTokens;
  const parts: string[] = [];
  if (left <= LOW_TURNS_LEFT) parts.push(`${left} turn${left === 1 ? "" : "s"} left`);
  if (share >= INPUT_WARNING_SHARE) {
    parts.push(`about ${Math.min(100, Math.floor(share * 100))} % of your input-token limit is used`);
  }
  if (parts.length === 0) return undefined;
  const [first = "", ...rest] = parts;
  const said = `${first.charAt(0).toUpperCase()}${first.slice(1)}${rest.map((p) => `, and ${p}`).join("")}`;
  return `${said}: call ${standing.tool} now with your complete work.`;
}

/** The reminder for a model that ended its turn without handing in its work with `tool`. */
export function nudgeNote(tool: string): string {
  return (
    `You ended your turn without calling ${tool}. Keep using the tools if you need more evidence; when the work is ` +
    `complete, hand it in by calling ${tool}. Do not paste it as plain text.`
  );
}

/** The note for a text reply cut off at `maxTokens`. */
export function cutOffNote(maxTokens: number, tool: string): string {
  return `Your reply was cut off at the output limit of ${maxTokens} tokens. Continue with tool calls, and hand in the result with ${tool}; keep each reply within the limit.`;
}
