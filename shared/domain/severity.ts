/**
 * The default severity scheme, P0–P3, from the response plans (seeds 001 and 002):
 * P0 critical (respond at once), P1 high, P2 medium, P3 low. The editable, synced scheme
 * with cadences and escalation steps builds on these ids.
 */
export interface SeverityLevel {
  id: string;
  name: string;
  description: string;
  responseTargetMinutes: number;
}

export const DEFAULT_SEVERITIES: readonly SeverityLevel[] = [
  { id: 'P0', name: 'Critical', description: 'Service unavailable, data breach or critical data loss', responseTargetMinutes: 15 },
  { id: 'P1', name: 'High', description: 'Service severely degraded or significant functionality broken', responseTargetMinutes: 60 },
  { id: 'P2', name: 'Medium', description: 'Partially degraded or a non-critical feature broken', responseTargetMinutes: 240 },
  { id: 'P3', name: 'Low', description: 'Minor issue with minimal user impact', responseTargetMinutes: 1440 },
];

/** Lower rank = more severe; unknown ids (a scheme from elsewhere) sort last. */
export function severityRank(id: string, levels: readonly SeverityLevel[] = DEFAULT_SEVERITIES): number {
  const index = levels.findIndex((level) => level.id === id);
  return index === -1 ? levels.length : index;
}
