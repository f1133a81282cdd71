import { useMemo } from 'react';
import type { Runbook } from '../../../shared/runbooks/runbook.ts';
import { useLiveRows } from '../../db/hooks.ts';
import { listCustomRunbookSources } from '../../db/queries.ts';
import { libraryOf } from './runbookLibrary.ts';

/** Built-ins and the team's own runbooks, live as teammates' edits sync in. */
export function useRunbookLibrary(): Runbook[] {
  const sources = useLiveRows(listCustomRunbookSources, []);
  // Rebuilt only when the sources change (a live query answers anew only then), not per render.
  return useMemo(() => libraryOf(sources ?? []).map((entry) => entry.item), [sources]);
}
