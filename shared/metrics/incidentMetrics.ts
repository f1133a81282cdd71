import { responseSla } from '../board/clocks.ts';
import { incidentStart } from '../domain/incident.ts';
import { severityRank, type SeverityScheme } from '../domain/severity.ts';
import type { IncidentView } from '../entities/index.ts';

/**
 * Response metrics across incidents (exercises excluded: rehearsals must not flatter or spoil the
 * real figures). Every duration is measured from what the timeline recorded:
 * - time to detect (MTTD): detected → declared (how long a signal went unanswered);
 * - time to acknowledge (MTTA): declared → acknowledged;
 * - time to mitigate: detected (else declared) → mitigated;
 * - time to resolve (MTTR): detected (else declared) → resolved.
 * An incident lacking either end of a span is left out of that mean, never counted as zero.
 */
export interface SeverityMetrics {
  severity: string;
  incidents: number;
  meanMinutes: { detect: number | null; acknowledge: number | null; mitigate: number | null; resolve: number | null };
  /** Acknowledged within the level's response target, of those acknowledged or already late. */
  withinResponseTarget: { met: number; of: number };
}

export interface ActionCompletion {
  done: number;
  /** Everything except won't-do: what the team committed to. */
  committed: number;
  overdue: number;
}

type Metricable = Pick<IncidentView, 'severity' | 'exercise' | 'declaredAt' | 'detectedAt' | 'acknowledgedAt' | 'mitigatedAt' | 'resolvedAt'>;

const minutesBetween = (from: string | null | undefined, to: string | null | undefined): number | null =>
  from && to ? Math.max(0, (Date.parse(to) - Date.parse(from)) / 60_000) : null;

function mean(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? Math.round((known.reduce((a, b) => a + b, 0) / known.length) * 10) / 10 : null;
}

export function metricsBySeverity(incidents: readonly Metricable[], scheme: SeverityScheme, now: number): SeverityMetrics[] {
  const real = incidents.filter((i) => !i.exercise);
  const bySeverity = new Map<string, Metricable[]>();
  for (const incident of real) bySeverity.set(incident.severity, [...(bySeverity.get(incident.severity) ?? []), incident]);
  return [...bySeverity.entries()]
    .sort(([a], [b]) => severityRank(a, scheme) - severityRank(b, scheme) || a.localeCompare(b))
    .map(([severity, group]) => {
      let met = 0;
      let of = 0;
      for (const incident of group) {
        const sla = responseSla({ incident, scheme, now });
        if (sla.state === 'pending') continue;
        of += 1;
        if (sla.state === 'met') met += 1;
      }
      return {
        severity,
        incidents: group.length,
        meanMinutes: {
          detect: mean(group.map((i) => minutesBetween(i.detectedAt, i.declaredAt))),
          acknowledge: mean(group.map((i) => minutesBetween(i.declaredAt, i.acknowledgedAt))),
          mitigate: mean(group.map((i) => minutesBetween(incidentStart(i), i.mitigatedAt))),
          resolve: mean(group.map((i) => minutesBetween(incidentStart(i), i.resolvedAt))),
        },
        withinResponseTarget: { met, of },
      };
    });
}

/** Action items of real incidents: done of committed, and how many are past their due date. */
export function actionCompletion(
  actions: readonly { incident: string; status: string; dueDate: string | null }[],
  exerciseIncidents: ReadonlySet<string>,
  today: string,
): ActionCompletion {
  const real = actions.filter((a) => !exerciseIncidents.has(a.incident));
  const committed = real.filter((a) => a.status !== 'wont-do');
  return {
    done: committed.filter((a) => a.status === 'done').length,
    committed: committed.length,
    overdue: committed.filter((a) => a.status !== 'done' && a.dueDate !== null && a.dueDate < today).length,
  };
}
