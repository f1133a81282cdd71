import type { TeamRole } from '../../../shared/contacts/teamRoles.ts';
import { BUILT_IN_RUNBOOKS } from '../../../shared/runbooks/builtins.ts';
import { parseRunbook, type ParseRunbookResult } from '../../../shared/runbooks/parse.ts';
import type { Runbook } from '../../../shared/runbooks/runbook.ts';
import type { WarRoomDb } from '../../db/database.ts';
import { sourceLibrary, type LibraryEntry } from '../library/sourceLibrary.ts';

export type RunbookEntry = LibraryEntry<Runbook>;

// A saved runbook reads with any team role name: one synced before its team role must still show.
const runbooks = sourceLibrary('settings.runbook', BUILT_IN_RUNBOOKS, (source) => parseRunbook(source, { teamRoles: 'any-name' }), (parsed) => (parsed.ok ? parsed.runbook : null));

/** Built-in runbooks, overridden by the team's own of the same id (a source that no longer parses is left out). */
export function libraryOf(sources: readonly string[]): RunbookEntry[] {
  return runbooks.entries(sources);
}

/**
 * Save (or replace, by id) a runbook written in Markdown, for the whole team; refused with line
 * errors if invalid, including a `(role: …)` that is neither built in nor one of `teamRoles`.
 */
export async function saveRunbookSource(db: WarRoomDb, source: string, actor: string, teamRoles: readonly TeamRole[]): Promise<ParseRunbookResult> {
  const checked = parseRunbook(source, { teamRoles });
  return checked.ok ? runbooks.save(db, source, actor) : checked;
}

export function removeRunbook(db: WarRoomDb, id: string, actor: string): Promise<void> {
  return runbooks.remove(db, id, actor);
}
