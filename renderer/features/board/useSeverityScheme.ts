import { useLiveQuery } from 'dexie-react-hooks';
import { P0_P3_SCHEME, type SeverityScheme } from '../../../shared/domain/severity.ts';
import { db } from '../../app/db.ts';
import { getSeverityScheme } from '../../db/queries.ts';

/** The synced severity scheme; the default while it loads, so the board never flickers empty. */
export function useSeverityScheme(): SeverityScheme {
  return useLiveQuery(() => getSeverityScheme(db), []) ?? P0_P3_SCHEME;
}
