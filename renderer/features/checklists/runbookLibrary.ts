import { useLiveQuery } from 'dexie-react-hooks';
import { BUILT_IN_RUNBOOKS } from '../../../shared/runbooks/builtins.ts';
import { parseRunbook } from '../../../shared/runbooks/parse.ts';
import type { Runbook } from '../../../shared/runbooks/runbook.ts';
import { db } from '../../app/db.ts';
import type { WarRoomDb } from '../../db/database.ts';

export interface LibraryEntry {
  runbook: Runbook;
  builtIn: boolean;
  /** The team's own Markdown, for a runbook written or imported here. */
  source?: string;
}

/** The team's own runbooks as Markdown sources, kept on this laptop. */
export async function customSources(db: WarRoomDb): Promise<string[]> {
  const row = await db.meta.get('runbooks');
  return row?.key === 'runbooks' ? row.value.sources : [];
}

/**
 * Built-in runbooks, overridden by the team's own of the same id. A saved source always parses
 * (it was validated when saved); one that no longer does is left out rather than crash the view.
 */
export function libraryOf(sources: readonly string[]): LibraryEntry[] {
  const custom = new Map<string, LibraryEntry>();
  for (const source of sources) {
    const parsed = parseRunbook(source);
    if (parsed.ok) custom.set(parsed.runbook.id, { runbook: parsed.runbook, builtIn: false, source });
  }
  const builtIns = BUILT_IN_RUNBOOKS.filter((r) => !custom.has(r.id)).map((runbook) => ({ runbook, builtIn: true }));
  return [...builtIns, ...custom.values()];
}

export function useRunbookLibrary(): Runbook[] {
  const sources = useLiveQuery(() => customSources(db), []) ?? [];
  return libraryOf(sources).map((entry) => entry.runbook);
}

/** Save (or replace, by id) a runbook written in Markdown; refused with line errors if invalid. */
export async function saveRunbookSource(db: WarRoomDb, source: string): Promise<{ ok: true; runbook: Runbook } | { ok: false; errors: { line: number; message: string }[] }> {
  const parsed = parseRunbook(source);
  if (!parsed.ok) return parsed;
  await db.transaction('rw', db.meta, async () => {
    const kept = (await customSources(db)).filter((existing) => {
      const other = parseRunbook(existing);
      return !other.ok || other.runbook.id !== parsed.runbook.id;
    });
    await db.meta.put({ key: 'runbooks', value: { sources: [...kept, source] } });
  });
  return { ok: true, runbook: parsed.runbook };
}

export async function removeRunbook(db: WarRoomDb, id: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const kept = (await customSources(db)).filter((source) => {
      const parsed = parseRunbook(source);
      return !parsed.ok || parsed.runbook.id !== id;
    });
    await db.meta.put({ key: 'runbooks', value: { sources: kept } });
  });
}
