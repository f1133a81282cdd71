import { P0_P3_SCHEME, type SeverityScheme } from '../../../shared/domain/severity.ts';
import { useLiveRows } from '../../db/hooks.ts';
import { getSeverityScheme } from '../../db/queries.ts';

/** The synced severity scheme; the default while it loads, so the board never flickers empty. */
export function useSeverityScheme(): SeverityScheme {
  return useLiveRows(getSeverityScheme, []) ?? P0_P3_SCHEME;
}
