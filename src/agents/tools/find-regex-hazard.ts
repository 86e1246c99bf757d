/** Most open-ended repeats (`*`, `+`, `{n,}`) one search pattern may have. */
export const MAX_OPEN_REPEATS = 4;

interface GroupState {
  hasRepeat: boolean;
  hasAlternation: boolean;
}

/** Length of a quantifier starting at `i` (`*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, plus a lazy `?`), or 0. */
function quantifierAt(pattern: string, i: number): { length: number; repeats: boolean; openEnded: boolean } {
  const c = pattern[i];
  let length = 0;
  let repeats = false;
  let openEnded = false;
  if (c === "*" || c === "+") {
    length = 1;
    repeats = true;
    openEnded = true;
  } else if (c === "?") {
    length = 1;
  } else if (c === "{") {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
    if (m) {
      length = m[0].length;
      const max = m[2] === undefined ? Number(m[1]) : m[3] === "" ? Infinity : Number(m[3]);
      repeats = max > 1;
      openEnded = max === Infinity;
    }
  }
  if (length > 0 && pattern[i + length] === "?") length += 1;
  return { length, repeats, openEnded };
}

/**
 * Looks for regular-expression features that can make a search run for minutes (JavaScript
 * regexes backtrack and cannot be interrupted): a repeated group that itself contains a
 * repeat or an alternation (`(a+)+`, `(a|ab)*`), backreferences, and more than
 * `MAX_OPEN_REPEATS` open-ended repeats. Returns a plain-words reason, or `undefined` when
 * the pattern looks safe. A heuristic, not a proof: the search also caps line length and time.
 */
export function findRegexHazard(pattern: string): string | undefined {
  const stack: GroupState[] = [{ hasRepeat: false, hasAlternation: false }];
  let openRepeats = 0;
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    const top = stack[stack.length - 1] as GroupState;
    let atomEnd = i + 1;
    let closedGroup: GroupState | undefined;
    if (c === "\\") {
      const next = pattern[i + 1] ?? "";
      if (/[1-9]/.test(next) || (next === "k" && pattern[i + 2] === "<"))
        return "backreferences (\\1, \\k<name>) are not supported in searches";
      atomEnd = i + 2;
    } else if (c === "[") {
      let j = i + 1;
      if (pattern[j] === "^") j += 1;
      if (pattern[j] === "]") j += 1;
      while (j < pattern.length && pattern[j] !== "]") j += pattern[j] === "\\" ? 2 : 1;
      atomEnd = j + 1;
    } else if (c === "(") {
      stack.push({ hasRepeat: false, hasAlternation: false });
      i += 1;
      continue;
    } else if (c === ")") {
      closedGroup = stack.length > 1 ? stack.pop() : undefined;
    } else if (c === "|") {
      top.hasAlternation = true;
      i += 1;
      continue;
    }
    const q = quantifierAt(pattern, atomEnd);
    const parent = stack[stack.length - 1] as GroupState;
    if (closedGroup) {
      if (q.repeats && (closedGroup.hasRepeat || closedGroup.hasAlternation)) {
        return "a repeated group that contains a repeat or an alternation (like (a+)+ or (a|b)*) can take exponential time; simplify the pattern or run several searches";
      }
      if (closedGroup.hasRepeat) parent.hasRepeat = true;
    }
    if (q.repeats) parent.hasRepeat = true;
    if (q.openEnded) openRepeats += 1;
    i = atomEnd + q.length;
  }
  if (openRepeats > MAX_OPEN_REPEATS) {
    return `more than ${MAX_OPEN_REPEATS} open-ended repeats (*, +, {n,}) can take very long on long lines; use a more specific pattern`;
  }
  return undefined;
}
