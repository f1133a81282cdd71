import { useMemo } from 'react';
import { builtInInScheme } from '../../../shared/runbooks/match.ts';
import type { Runbook } from '../../../shared/runbooks/runbook.ts';
import { useLiveRows } from '../../db/hooks.ts';
import { listCustomRunbookSources } from '../../db/queries.ts';
import { useSeverityScheme } from '../board/useSeverityScheme.ts';
import { libraryOf } from './runbookLibrary.ts';

/** Built-ins (their severity filters in the team's scheme) and the team's own runbooks, live as teammates' edits sync in. */
export function useRunbookLibrary(): Runbook[] {
  const sources = useLiveRows(listCustomRunbookSources, []);
  const scheme = useSeverityScheme();
  // Rebuilt only when the sources or the scheme change (a live query answers anew only then), not per render.
  return useMemo(() => libraryOf(sources ?? []).map((entry) => (entry.builtIn ? builtInInScheme(entry.item, scheme) : entry.item)), [sources, scheme]);
}
