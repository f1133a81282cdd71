import { useLiveQuery } from 'dexie-react-hooks';
import type { ExerciseView } from '../../shared/exercises/exerciseView.ts';
import type { ActionView, ChecklistView, EntryView, IncidentView, PostmortemView } from '../../shared/entities/index.ts';
import type { WarRoomDb } from './database.ts';
import { useDatabase } from './DatabaseProvider.tsx';
import { getIncident, getOperator, getPostmortem, listActions, listChecklists, listEntries, listExercises, listIncidents } from './queries.ts';

/**
 * A read from the provided database, run again whenever a table it read changes; undefined
 * until the first answer. `query` must only read: it runs inside Dexie's live-query tracking.
 * `deps` are the values the query closes over besides the database.
 */
export function useLiveRows<T>(query: (db: WarRoomDb) => Promise<T>, deps: readonly unknown[]): T | undefined {
  const db = useDatabase();
  return useLiveQuery(() => query(db), [db, ...deps]);
}

/** Who is at the keyboard: undefined while loading, null before anyone has said. */
export function useOperator(): string | null | undefined {
  return useLiveRows(getOperator, []);
}

export function useIncidents(): IncidentView[] | undefined {
  return useLiveRows(listIncidents, []);
}

export function useIncident(id: string): IncidentView | null | undefined {
  return useLiveRows((db) => getIncident(db, id), [id]);
}

export function useEntriesOf(incident: string): EntryView[] | undefined {
  return useLiveRows((db) => listEntries(db, incident), [incident]);
}

export function useChecklistsOf(incident: string): ChecklistView[] | undefined {
  return useLiveRows((db) => listChecklists(db, incident), [incident]);
}

export function usePostmortem(incident: string): PostmortemView | null | undefined {
  return useLiveRows((db) => getPostmortem(db, incident), [incident]);
}

/** Action items of one incident, or of every incident when none is named. */
export function useActions(incident?: string): ActionView[] | undefined {
  return useLiveRows((db) => listActions(db, incident), [incident]);
}

export function useExercises(): Map<string, ExerciseView> | undefined {
  return useLiveRows(listExercises, []);
}
