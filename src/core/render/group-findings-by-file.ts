import type { Finding } from "../checks/types.js";

/** Groups findings by the file they are reported on, keeping the input order within and across groups. */
export function groupFindingsByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const group = groups.get(f.file);
    if (group) group.push(f);
    else groups.set(f.file, [f]);
  }
  return groups;
}
