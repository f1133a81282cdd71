import { INCIDENT_DEFAULTS } from '../../../shared/domain/incident.ts';
import type { EntryView, IncidentView } from '../../../shared/entities/index.ts';

export function makeIncident(overrides: Partial<IncidentView> = {}): IncidentView {
  return {
    // Fields this fixture does not spell out take the declaration defaults.
    ...INCIDENT_DEFAULTS,
    id: 'inc-pm-1',
    title: 'Checkout down',
    severity: 'P1',
    type: 'availability',
    status: 'resolved',
    phase: 'recovery',
    exercise: false,
    summary: '',
    impactUser: 'Customers could not pay',
    impactBusiness: '',
    impactTechnical: 'payments-api 5xx',
    usersAffected: 1200,
    detectedAt: '2026-11-22T14:05:00.000Z',
    declaredAt: '2026-11-22T14:07:00.000Z',
    acknowledgedAt: '2026-11-22T14:10:00.000Z',
    mitigatedAt: '2026-11-22T15:00:00.000Z',
    resolvedAt: '2026-11-22T16:30:00.000Z',
    closedAt: null,
    lastUpdateAt: null,
    cadenceOverride: null,
    snoozedUntil: null,
    regulatoryNotifiedAt: null,
    regulated: null,
    onsetAt: '2026-11-22T14:00:00.000Z',
    declaredBy: 'alice',
    roles: { 'incident-commander': 'Alice', scribe: 'Carol' },
    updatedHlc: '2026-11-22T16:30:00.000Z-0000-a1b2c3d4e5f60718',
    ...overrides,
  };
}

export function makeEntries(texts: readonly string[], options: { pinned?: (i: number) => boolean; incident?: string } = {}): EntryView[] {
  return texts.map((text, i) => ({
    id: `entry-${String(i).padStart(4, '0')}`,
    incident: options.incident ?? 'inc-pm-1',
    author: i % 2 ? 'Alice | <b>IC</b>' : 'bob',
    recordedAt: '2026-11-22T15:00:00.000Z',
    hlc: `2026-11-22T15:00:00.000Z-${i.toString(16).padStart(4, '0')}-a1b2c3d4e5f60718`,
    text,
    kind: i % 3 === 0 ? 'decision' : 'note',
    eventAt: new Date(Date.UTC(2026, 10, 22, 14, i)).toISOString(),
    pinned: options.pinned ? options.pinned(i) : i % 2 === 0,
    tags: [],
    struck: null,
    edits: 0,
  }));
}
