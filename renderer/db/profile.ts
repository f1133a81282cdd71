/** Set when a backup was restored into a new database because the old one could not be opened. */
export const PROFILE_KEY = 'warroom.database';

/**
 * Which database this page uses, decided once at startup: tests pick one with ?db=…; after a
 * recovery the restored copy is used (the unreadable original is left untouched, never deleted).
 */
export function resolveDatabaseName(search: string, stored: Pick<Storage, 'getItem'>): string {
  return new URLSearchParams(search).get('db') ?? stored.getItem(PROFILE_KEY) ?? 'warroom';
}

/** The next start opens `name` (unless a ?db= in the address says otherwise). */
export function switchProfile(stored: Pick<Storage, 'setItem'>, name: string): void {
  stored.setItem(PROFILE_KEY, name);
}
