import { useMemo } from 'react';
import { statusTemplateLibrary } from '../../../shared/comms/templateSource.ts';
import type { StatusTemplate } from '../../../shared/comms/statusTemplates.ts';
import { useLiveRows } from '../../db/hooks.ts';
import { listTeamStatusTemplates } from '../../db/queries.ts';

/** The status templates to offer: the built-ins and the team's own (synced), the team's winning by id; undefined while loading. */
export function useStatusTemplates(): StatusTemplate[] | undefined {
  const team = useLiveRows(listTeamStatusTemplates, []);
  // Validated only when the team's templates change (a live query answers anew only then), not per render.
  return useMemo(() => (team === undefined ? undefined : statusTemplateLibrary(team)), [team]);
}
