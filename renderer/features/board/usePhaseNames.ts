import { DEFAULT_PHASE_NAMES, type PhaseNames } from '../../../shared/domain/phaseNames.ts';
import { useLiveRows } from '../../db/hooks.ts';
import { getPhaseNames } from '../../db/queries.ts';

/** The team's names for the response phases (synced); the plans' names while they load. */
export function usePhaseNames(): PhaseNames {
  return useLiveRows(getPhaseNames, []) ?? DEFAULT_PHASE_NAMES;
}
