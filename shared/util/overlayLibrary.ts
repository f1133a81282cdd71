/**
 * A library of built-ins and the team's own (runbooks, scenarios): the team's item replaces the
 * built-in of the same id, the team's others follow, and of two team items with one id the
 * later wins.
 */
export function overlayLibrary<E>(builtIns: readonly E[], team: readonly E[], idOf: (entry: E) => string): E[] {
  const own = new Map(team.map((entry) => [idOf(entry), entry]));
  return [...builtIns.filter((entry) => !own.has(idOf(entry))), ...own.values()];
}
