import { useMemo } from 'react';
import { defaultCommsPlan, type CommsPlan } from '../../../shared/comms/commsPlan.ts';
import { getCommsPlan } from '../../db/commsQueries.ts';
import { useLiveRows } from '../../db/hooks.ts';
import { useSeverityScheme } from '../board/useSeverityScheme.ts';

/** The team's communications plan, else the plans' default for the severity scheme; undefined while it loads. */
export function useLoadedCommsPlan(): CommsPlan | undefined {
  const scheme = useSeverityScheme();
  const saved = useLiveRows(getCommsPlan, []);
  // One object per scheme: the board memoizes its rows on the plan.
  const fallback = useMemo(() => defaultCommsPlan(scheme), [scheme]);
  return saved === undefined ? undefined : (saved ?? fallback);
}

/** The same, never undefined: the default while it loads, so the board never flickers empty. */
export function useCommsPlan(): CommsPlan {
  const scheme = useSeverityScheme();
  const fallback = useMemo(() => defaultCommsPlan(scheme), [scheme]);
  return useLoadedCommsPlan() ?? fallback;
}
