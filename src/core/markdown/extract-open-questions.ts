import type { List, ListItem, Nodes, RootContent } from "mdast";
import { extractSections, type Section } from "./extract-sections.js";
import { parseMarkdown } from "./parse-markdown.js";

/** Headings that hold the questions: `Questions for reviewers`, `Open questions`, `Questions`. */
const QUESTIONS_HEADING = /^(?:open )?questions(?: for (?:the )?reviewers?)?$/;
/** A bullet that says there is nothing to ask. */
const NOTHING = /^(?:none|n\/a|nothing|no(?: open)? questions)(?: (?:so far|yet|at this time))?[.!]?$/i;

const normalise = (title: string): string =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();

function sourceOf(node: Nodes, text: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? "" : text.slice(start, end);
}

/** One bullet as one line: its own text, then its nested bullets after a colon, `;`-separated. */
function itemText(item: ListItem, text: string): string {
  const own = item.children
    .filter((child) => child.type !== "list")
    .map((child) => sourceOf(child, text))
    .join(" ");
  const nested = item.children
    .filter((child): child is List => child.type === "list")
    .flatMap((list) => list.children.map((sub) => itemText(sub, text)))
    .filter((s) => s !== "");
  const line = own.replace(/\s+/g, " ").trim();
  if (nested.length === 0) return line;
  return line === "" ? nested.join("; ") : `${line.replace(/[:.]$/, "")}: ${nested.join("; ")}`;
}

function questionsIn(children: readonly RootContent[], text: string): string[] {
  return children
    .filter((node): node is List => node.type === "list")
    .flatMap((list) => list.children.map((item) => itemText(item, text)));
}

/** The questions section: the one inside `## Notes` if there is one, else the last one in the document. */
function findQuestionsSection(sections: readonly Section[]): Section | undefined {
  const candidates = sections.filter((s) => QUESTIONS_HEADING.test(normalise(s.name)));
  const notes = sections.filter((s) => s.depth === 2 && normalise(s.name) === "notes");
  const inNotes = candidates.find((c) =>
    notes.some((n) => c.depth > n.depth && c.line > n.line && c.line <= n.endLine),
  );
  return inNotes ?? candidates.at(-1);
}

/**
 * The open questions of an implementation spec, for the PR body: the bullets under the
 * `### Questions for reviewers` heading at the end of `## Notes` (also accepted: `Open questions`,
 * `Questions`, at any heading level; the one inside Notes wins, else the last one). Each bullet
 * becomes one line of its markdown source (nested bullets appended after a colon); bullets that
 * only say there is nothing to ask (`None.`, `N/A`) and duplicates are left out. Pure; `[]` when
 * there is no such section.
 */
export function extractOpenQuestions(markdown: string): string[] {
  const text = markdown.replace(/\r\n?/g, "\n");
  const section = findQuestionsSection(extractSections(parseMarkdown(text)));
  if (!section) return [];
  const questions = questionsIn(section.children, text).filter((q) => q !== "" && !NOTHING.test(q));
  return [...new Set(questions)];
}
