import { describe, expect, it } from 'vitest';
import { INCIDENT_DEFAULTS } from '../../../../shared/domain/incident.ts';
import { P0_P3_SCHEME } from '../../../../shared/domain/severity.ts';
import { actionCompletion, frequencyByMonth, MAX_MONTHS, metricsBySeverity, selectIncidents } from '../../../../shared/metrics/incidentMetrics.ts';
import type { IncidentView } from '../../../../shared/entities/index.ts';

const T = Date.UTC(2026, 10, 1, 9, 0, 0);
const at = (minutes: number) => new Date(T + minutes * 60_000).toISOString();

function incident(id: string, severity: string, patch: Partial<IncidentView>): IncidentView {
  return { ...INCIDENT_DEFAULTS, id, title: id, severity, type: 'availability', declaredAt: at(0), declaredBy: 'Ana', roles: {}, updatedHlc: '', ...patch };
}

describe('incident metrics', () => {
  it('means per severity from the recorded times, leaving out unknown spans and exercises', () => {
    const incidents = [
      // P1 responds within 60 min of detection (P0–P3 plan): acknowledged 30 min after → met.
      incident('inc-p1aaaa', 'P1', { onsetAt: at(-30), detectedAt: at(-20), acknowledgedAt: at(10), mitigatedAt: at(40), resolvedAt: at(100), status: 'resolved' }),
      // acknowledged 70 min after declaring → missed; no onset: detect not measured; no detection: spans from declared.
      incident('inc-p1bbbb', 'P1', { acknowledgedAt: at(70), resolvedAt: at(120), status: 'resolved' }),
      // an exercise: excluded entirely, however good it looks.
      incident('inc-p1drll', 'P1', { exercise: true, detectedAt: at(-1), acknowledgedAt: at(1), resolvedAt: at(2) }),
      incident('inc-p0aaaa', 'P0', { acknowledgedAt: at(3) }),
    ];
    const [p0, p1] = metricsBySeverity(incidents, P0_P3_SCHEME, T + 24 * 3_600_000);
    expect(p0).toMatchObject({ severity: 'P0', incidents: 1, meanMinutes: { detect: null, acknowledge: 3, mitigate: null, resolve: null }, withinResponseTarget: { met: 1, of: 1 } });
    expect(p1).toMatchObject({ severity: 'P1', incidents: 2, meanMinutes: { detect: 10, acknowledge: 50, mitigate: 60, resolve: 120 }, withinResponseTarget: { met: 1, of: 2 } });
  });

  it('time to acknowledge runs from detection, as the response target does: detected 20 min before declaring, acknowledged on declaring is 20 min, not 0', () => {
    const late = incident('inc-p1late', 'P1', { detectedAt: at(-20), acknowledgedAt: at(0) });
    expect(metricsBySeverity([late], P0_P3_SCHEME, T)[0]?.meanMinutes.acknowledge).toBe(20);
  });

  it('time to detect runs from the recorded onset to detection, not from detection to declaration', () => {
    const found = incident('inc-p2onst', 'P2', { onsetAt: at(-45), detectedAt: at(-5) });
    expect(metricsBySeverity([found], P0_P3_SCHEME, T)[0]?.meanMinutes.detect).toBe(40);
  });

  it('an incident still inside its response window is not counted either way', () => {
    const fresh = incident('inc-p2aaaa', 'P2', {});
    expect(metricsBySeverity([fresh], P0_P3_SCHEME, T + 60_000)[0]?.withinResponseTarget).toEqual({ met: 0, of: 0 });
  });

  it('action completion counts committed items of real incidents, and the overdue ones', () => {
    const actions = [
      { incident: 'inc-a', status: 'done', dueDate: '2026-11-01' },
      { incident: 'inc-a', status: 'open', dueDate: '2026-11-10' },
      { incident: 'inc-a', status: 'in-progress', dueDate: null },
      { incident: 'inc-a', status: 'wont-do', dueDate: '2026-11-01' },
      { incident: 'inc-drill', status: 'open', dueDate: '2026-01-01' },
    ];
    expect(actionCompletion(actions, new Set(['inc-drill']), '2026-11-23')).toEqual({ done: 1, committed: 3, overdue: 1 });
  });

  it('a period keeps the incidents that started (detected, else declared) within it; a type keeps that type; exercises never', () => {
    const now = T;
    const day = 24 * 60;
    const incidents = [
      incident('inc-recent', 'P1', { detectedAt: at(-10 * day) }),
      // declared 20 days ago but detected 40 days ago: it started 40 days ago.
      incident('inc-older1', 'P2', { declaredAt: at(-20 * day), detectedAt: at(-40 * day), type: 'security' }),
      incident('inc-ancient', 'P2', { declaredAt: at(-200 * day) }),
      incident('inc-drill', 'P1', { exercise: true }),
    ];
    const ids = (period: '30d' | '90d' | 'all', type: 'security' | null = null) => selectIncidents(incidents, { period, type }, now).map((i) => i.id);
    expect(ids('30d')).toEqual(['inc-recent']);
    expect(ids('90d')).toEqual(['inc-recent', 'inc-older1']);
    expect(ids('all')).toEqual(['inc-recent', 'inc-older1', 'inc-ancient']);
    expect(ids('all', 'security')).toEqual(['inc-older1']);
  });

  it('frequency per severity per month (UTC): every month of the range, empty ones too, severities by rank', () => {
    const now = Date.UTC(2026, 10, 15);
    const on = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d, 12)).toISOString();
    const incidents = [
      incident('inc-a', 'P2', { declaredAt: on(2026, 11, 2) }),
      incident('inc-b', 'P0', { declaredAt: on(2026, 11, 3) }),
      incident('inc-c', 'P2', { declaredAt: on(2026, 9, 30) }),
      incident('inc-d', 'P2', { declaredAt: on(2026, 9, 1), exercise: true }),
    ];
    const all = frequencyByMonth(incidents, P0_P3_SCHEME, { period: 'all', type: null }, now);
    expect(all.months).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(all.severities).toEqual(['P0', 'P2']);
    expect(all.counts).toEqual({ '2026-09': { P2: 1 }, '2026-10': {}, '2026-11': { P0: 1, P2: 1 } });
    // The last 30 days from 15 November start in October.
    expect(frequencyByMonth(incidents, P0_P3_SCHEME, { period: '30d', type: null }, now).months).toEqual(['2026-10', '2026-11']);
  });

  it('a stray old date does not chart decades: at most the last MAX_MONTHS months', () => {
    const now = Date.UTC(2026, 10, 15);
    const old = incident('inc-old', 'P1', { declaredAt: '1970-01-01T00:00:00.000Z' });
    const { months, counts } = frequencyByMonth([old, incident('inc-new', 'P1', { declaredAt: new Date(now).toISOString() })], P0_P3_SCHEME, { period: 'all', type: null }, now);
    expect(months).toHaveLength(MAX_MONTHS);
    expect(months.at(-1)).toBe('2026-11');
    expect(counts['2026-11']).toEqual({ P1: 1 });
  });
});
