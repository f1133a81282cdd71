import { BUILT_IN_RUNBOOKS } from '../../../shared/runbooks/builtins.ts';
import { parseRunbook, type ParseRunbookResult } from '../../../shared/runbooks/parse.ts';
import type { Runbook } from '../../../shared/runbooks/runbook.ts';
import { overlayLibrary } from '../../../shared/util/overlayLibrary.ts';
import { commit } from '../../db/commit.ts';
import type { WarRoomDb } from '../../db/database.ts';

export interface LibraryEntry {
  runbook: Runbook;
  builtIn: boolean;
  /** The team's own Markdown, for a runbook written or imported by someone on the team. */
  source?: string;
}

/**
 * Built-in runbooks, overridden by the team's own of the same id. A saved source always parses
 * (it was validated when saved); one that no longer does is left out rather than crash the view.
 */
export function libraryOf(sources: readonly string[]): LibraryEntry[] {
  const team = sources.flatMap((source): LibraryEntry[] => {
    const parsed = parseRunbook(source);
    return parsed.ok ? [{ runbook: parsed.runbook, builtIn: false, source }] : [];
  });
  return overlayLibrary<LibraryEntry>(BUILT_IN_RUNBOOKS.map((runbook) => ({ runbook, builtIn: true })), team, (entry) => entry.runbook.id);
}

/** Save (or replace, by id) a runbook written in Markdown, for the whole team; refused with line errors if invalid. */
export async function saveRunbookSource(db: WarRoomDb, source: string, actor: string): Promise<ParseRunbookResult> {
  const parsed = parseRunbook(source);
  if (!parsed.ok) return parsed;
  await commit(db, { actor, incident: null, kind: 'settings.runbook', data: { id: parsed.runbook.id, source } });
  return parsed;
}

export async function removeRunbook(db: WarRoomDb, id: string, actor: string): Promise<void> {
  await commit(db, { actor, incident: null, kind: 'settings.runbook', data: { id, source: null } });
}
