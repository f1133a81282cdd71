import { BUILT_IN_RUNBOOKS } from '../../../shared/runbooks/builtins.ts';
import { parseRunbook, type ParseRunbookResult } from '../../../shared/runbooks/parse.ts';
import type { Runbook } from '../../../shared/runbooks/runbook.ts';
import type { WarRoomDb } from '../../db/database.ts';
import { sourceLibrary, type LibraryEntry } from '../library/sourceLibrary.ts';

export type RunbookEntry = LibraryEntry<Runbook>;

const runbooks = sourceLibrary('settings.runbook', BUILT_IN_RUNBOOKS, parseRunbook, (parsed) => (parsed.ok ? parsed.runbook : null));

/** Built-in runbooks, overridden by the team's own of the same id (a source that no longer parses is left out). */
export function libraryOf(sources: readonly string[]): RunbookEntry[] {
  return runbooks.entries(sources);
}

/** Save (or replace, by id) a runbook written in Markdown, for the whole team; refused with line errors if invalid. */
export function saveRunbookSource(db: WarRoomDb, source: string, actor: string): Promise<ParseRunbookResult> {
  return runbooks.save(db, source, actor);
}

export function removeRunbook(db: WarRoomDb, id: string, actor: string): Promise<void> {
  return runbooks.remove(db, id, actor);
}
