import { useLiveQuery } from 'dexie-react-hooks';
import type { Runbook } from '../../../shared/runbooks/runbook.ts';
import { db } from '../../app/db.ts';
import { customSources, libraryOf } from './runbookLibrary.ts';

/** Built-ins and the team's own runbooks, live as teammates' edits sync in. */
export function useRunbookLibrary(): Runbook[] {
  const sources = useLiveQuery(() => customSources(db), []) ?? [];
  return libraryOf(sources).map((entry) => entry.runbook);
}
