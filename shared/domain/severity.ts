/**
 * The default severity levels as a plain list, for code that needs only ids, names and the
 * response target (the declare dialog, badges, list sorting). The numbers live in one place,
 * `P0_P3_SCHEME` in severityScheme.ts (seeds 001 and 002: P0 critical, P1 high, P2 medium,
 * P3 low); this module only re-exposes them under the older names.
 */
import { P0_P3_SCHEME, type SeverityLevelConfig } from './severityScheme.ts';

/** What every severity level has; a `SeverityLevelConfig` is one, with colour, cadence and escalation besides. */
export interface SeverityLevel {
  id: string;
  name: string;
  description: string;
  responseTargetMinutes: number;
}

export const DEFAULT_SEVERITIES: readonly SeverityLevelConfig[] = P0_P3_SCHEME.levels;

/** Lower rank = more severe; unknown ids (a scheme from elsewhere) sort last. */
export function severityRank(id: string, levels: readonly SeverityLevel[] = DEFAULT_SEVERITIES): number {
  const index = levels.findIndex((level) => level.id === id);
  return index === -1 ? levels.length : index;
}
