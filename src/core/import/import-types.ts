/** Something in a prompts file the importer could not (fully) interpret. Never fatal. */
export interface ImportWarning {
  /** 1-based line in the prompts file, when known. */
  line: number | undefined;
  message: string;
}

/** One line of a prompt block with its 1-based line in the prompts file. */
export interface SourceLine {
  text: string;
  line: number;
}

/** A path with an optional note, as written on a key-file or read-first line. */
export interface PathWithNote {
  path: string;
  note?: string;
}

/** An out-of-scope item: plain text, or the item with the spec that owns it. */
export type OutOfScopeItem = string | { item: string; owner?: string; note?: string };

/** A "READ THESE FILES FIRST" entry before it is classified as brief, template, registry or spec to read. */
export interface ReadFirstItem extends PathWithNote {
  line: number;
}

/** What one agent's prompt block says, before it is combined with the other agents. */
export interface ParsedAgentBlock {
  /** From "You are writing a system spec for the X codebase". */
  project: string | undefined;
  specFile: { path: string; line: number } | undefined;
  readFirst: ReadFirstItem[];
  inScope: string[];
  outOfScope: OutOfScopeItem[];
  keyFiles: PathWithNote[];
  /** RULES items in order, verbatim. */
  rules: SourceLine[];
  /** NOTE paragraphs (without the "NOTE:" label). */
  notes: string[];
}

/** A `### N. Title` section of the prompts file with its prompt text. */
export interface AgentSection {
  kind: "agent";
  title: string;
  /** Phase of the enclosing `## Phase N` heading. */
  phase: number | undefined;
  headingLine: number;
  /** The fenced block's lines (or the section's raw lines when it has no fence). */
  body: SourceLine[];
}

/** The `## Phase N — Consistency Check` section with its prompt text. */
export interface ReviewSection {
  kind: "review";
  headingLine: number;
  body: SourceLine[];
}

/** A section of the prompts file the importer understands. */
export type PromptSection = AgentSection | ReviewSection;
