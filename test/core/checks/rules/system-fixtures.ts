/** Small system-spec fixtures shared by the system-rule tests (a fictional "Harbor" codebase). */

export const TEMPLATE_PATH = "docs/specs/template.md";
export const BRIEF_PATH = "docs/specs/boundary-brief.md";
export const REGISTRY_PATH = "docs/specs/feature-registry.md";

export const SECTION_NAMES = [
  "Overview",
  "Core Concepts",
  "File Tree",
  "Data Models",
  "Features",
  "Deep Dives",
  "Cross-Cutting Concerns",
  "Known Limitations",
] as const;

export const TEMPLATE = [
  "# [System Name]",
  "",
  "> Template for system specs. Keep the numbering.",
  "",
  ...SECTION_NAMES.flatMap((name, i) => [`## ${i + 1}. ${name}`, "", `[What goes in ${name}.]`, ""]),
].join("\n");

/**
 * A spec following the template: `bodies` maps a section number (1-8) to its body text.
 * Sections without a body get one neutral sentence.
 */
export function systemSpec(title: string, bodies: Partial<Record<number, string>> = {}): string {
  return [
    `# ${title}`,
    "",
    ...SECTION_NAMES.flatMap((name, i) => [
      `## ${i + 1}. ${name}`,
      "",
      bodies[i + 1] ?? `Nothing unusual about ${name.toLowerCase()}.`,
      "",
    ]),
  ].join("\n");
}

/** A fenced code block. */
export const fence = (body: string, lang = "") => `\`\`\`${lang}\n${body}\n\`\`\``;
