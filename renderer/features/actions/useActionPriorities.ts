import { DEFAULT_ACTION_PRIORITIES } from '../../../shared/domain/actionItems.ts';
import { useLiveRows } from '../../db/hooks.ts';
import { getActionPriorities } from '../../db/queries.ts';

/** The team's action-item priority scale (synced), most urgent first; the plans' High, Medium, Low while it loads. */
export function useActionPriorities(): readonly string[] {
  return useLiveRows(getActionPriorities, []) ?? DEFAULT_ACTION_PRIORITIES;
}
