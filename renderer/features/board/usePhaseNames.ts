import { useLiveQuery } from 'dexie-react-hooks';
import { DEFAULT_PHASE_NAMES, type PhaseNames } from '../../../shared/domain/phaseNames.ts';
import { db } from '../../app/db.ts';
import { getPhaseNames } from '../../db/queries.ts';

/** The team's names for the response phases (synced); the plans' names while they load. */
export function usePhaseNames(): PhaseNames {
  return useLiveQuery(() => getPhaseNames(db), []) ?? DEFAULT_PHASE_NAMES;
}
