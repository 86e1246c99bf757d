import { z } from "zod";

/** What the hidden `specwright:run` marker of a Specwright pull request records. */
export interface RunMetadata {
  /** The job target, e.g. `system-specs` or `spec-12-login`. */
  target: string;
  kind: string;
  /** The commit the specs describe. */
  commit: string;
  /**
   * Where an implementation spec came from: `issue #12` or the discovery document's path. Tells
   * two sources that map to the same branch apart, and lets `/spec regenerate spec-<slug>` on the
   * pull request redraft from the right place.
   */
  source?: string;
  model?: string;
  startedAt?: string;
  agents?: string[];
  /** The run failed partway; the branch holds its checkpoints. */
  partial?: boolean;
}

const metadataSchema = z
  .object({
    target: z.string().min(1).max(300),
    kind: z.string().max(40),
    commit: z.string().max(64),
    source: z.string().min(1).max(1000).optional(),
    model: z.string().max(200).optional(),
    startedAt: z.string().max(100).optional(),
    agents: z.array(z.string().max(200)).max(500).optional(),
    partial: z.boolean().optional(),
  })
  .loose();

const MARKER = /<!-- specwright:run (\{[^\n]*?\}) -->/;

/** The marker itself; `<` and `>` are escaped so nothing in the JSON can end the HTML comment early. */
export function renderRunMetadata(meta: RunMetadata): string {
  const json = JSON.stringify(meta);
  return `<!-- specwright:run ${json.replace(/</g, "\\u003c").replace(/>/g, "\\u003e")} -->`;
}

/**
 * The run metadata of a pull request body written by `renderRunMetadata`, or `undefined` when
 * the body has no (valid) marker, e.g. a pull request opened by an older Specwright.
 */
export function readRunMetadata(body: string): RunMetadata | undefined {
  const json = MARKER.exec(body)?.[1];
  if (json === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return undefined;
  }
  const result = metadataSchema.safeParse(parsed);
  if (!result.success) return undefined;
  const { target, kind, commit, source, model, startedAt, agents, partial } = result.data;
  return {
    target,
    kind,
    commit,
    ...(source !== undefined ? { source } : {}),
    ...(model !== undefined ? { model } : {}),
    ...(startedAt !== undefined ? { startedAt } : {}),
    ...(agents !== undefined ? { agents } : {}),
    ...(partial !== undefined ? { partial } : {}),
  };
}
