import type { Command } from './commandRegistry.ts';

/** The palette's search box is short; a longer paste is cut, so matching stays cheap. */
export const MAX_QUERY = 100;

function isWordStart(text: string, index: number): boolean {
  return index === 0 || !/[\p{L}\p{N}]/u.test(text[index - 1]!);
}

/**
 * How well `query` matches `text` as a fuzzy subsequence (case-insensitive; spaces in the query
 * only separate words): null when it does not, otherwise a score, lower is better — one point
 * for each break between matched letters and for each query word not starting at a word of the
 * text. One greedy pass over both strings: linear time, no backtracking.
 */
export function fuzzyScore(query: string, text: string): number | null {
  const needle = query.slice(0, MAX_QUERY).toLowerCase();
  const hay = text.toLowerCase();
  let at = 0;
  let score = 0;
  let previous = -2;
  let wordStart = true;
  for (let i = 0; i < needle.length; i++) {
    const char = needle[i]!;
    if (/\s/.test(char)) {
      wordStart = true;
      continue;
    }
    while (at < hay.length && hay[at] !== char) at++;
    if (at === hay.length) return null;
    if (wordStart) {
      if (!isWordStart(hay, at)) score++;
    } else if (at !== previous + 1) score++;
    wordStart = false;
    previous = at;
    at++;
  }
  return score;
}

/**
 * The commands matching `query`, best first; among equals, the registry's order (the current
 * screen's before the app-wide ones). The title is matched first, then "group title", so typing
 * the group ("incident") lists its commands too.
 */
export function matchCommands(commands: readonly Command[], query: string): Command[] {
  if (query.trim() === '') return [...commands];
  const scored: { command: Command; score: number; order: number }[] = [];
  commands.forEach((command, order) => {
    const byTitle = fuzzyScore(query, command.title);
    const score = byTitle ?? fuzzyScore(query, `${command.group} ${command.title}`);
    // Matching only through the group ranks after every title match.
    if (score !== null) scored.push({ command, score: byTitle === null ? score + 1000 : score, order });
  });
  return scored.sort((a, b) => a.score - b.score || a.order - b.order).map((s) => s.command);
}
