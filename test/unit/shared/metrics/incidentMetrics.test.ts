import { describe, expect, it } from 'vitest';
import { INCIDENT_DEFAULTS } from '../../../../shared/domain/incident.ts';
import { P0_P3_SCHEME } from '../../../../shared/domain/severity.ts';
import { actionCompletion, metricsBySeverity } from '../../../../shared/metrics/incidentMetrics.ts';
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
      incident('inc-p1aaaa', 'P1', { detectedAt: at(-20), acknowledgedAt: at(10), mitigatedAt: at(40), resolvedAt: at(100), status: 'resolved' }),
      // acknowledged 70 min after declaring → missed; no detection time: detect unknown, resolve from declared.
      incident('inc-p1bbbb', 'P1', { acknowledgedAt: at(70), resolvedAt: at(120), status: 'resolved' }),
      // an exercise: excluded entirely, however good it looks.
      incident('inc-p1drll', 'P1', { exercise: true, detectedAt: at(-1), acknowledgedAt: at(1), resolvedAt: at(2) }),
      incident('inc-p0aaaa', 'P0', { acknowledgedAt: at(3) }),
    ];
    const [p0, p1] = metricsBySeverity(incidents, P0_P3_SCHEME, T + 24 * 3_600_000);
    expect(p0).toMatchObject({ severity: 'P0', incidents: 1, meanMinutes: { detect: null, acknowledge: 3, mitigate: null, resolve: null }, withinResponseTarget: { met: 1, of: 1 } });
    expect(p1).toMatchObject({ severity: 'P1', incidents: 2, meanMinutes: { detect: 20, acknowledge: 40, mitigate: 60, resolve: 120 }, withinResponseTarget: { met: 1, of: 2 } });
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
});
